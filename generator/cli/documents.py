"""Commands that make documents: plan, report, rollover, batch. Each builds one ``Request``
(or a batch of them) and calls ``workflows.request.make``."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import click

from generator.cli import messages
from generator.cli.app import cli, show
from generator.domain.kinds import DocumentKind
from generator.domain.periods import FIRST_YEAR, LAST_YEAR, PERIOD_KINDS
from generator.workflows.documents import Outcome
from generator.workflows.request import Request, make

PATH = click.Path(path_type=Path)
YEAR = messages.IntRange(FIRST_YEAR, LAST_YEAR)
INPUTS = click.argument("inputs", nargs=-1, required=True, type=PATH, metavar="ĐẦU_VÀO...")
OUT = click.option(
    "--out", "-o", type=PATH, default=Path("outputs"), metavar="ĐƯỜNG_DẪN",
    help="Thư mục (hoặc tệp .docx) để ghi văn bản; mặc định: outputs",
)  # fmt: skip
PDF = click.option("--pdf", is_flag=True, help="Xuất thêm bản PDF (cần LibreOffice).")
PERIOD_HELP = "Kỳ báo cáo: " + ", ".join(f"{k.code} ({k.label})" for k in PERIOD_KINDS) + "."


def template_option(default: str) -> Callable[[Callable[..., None]], Callable[..., None]]:
    return click.option(
        "--template",
        "-t",
        type=PATH,
        metavar="TỆP.docx",
        help=f"Mẫu .docx riêng (mặc định: templates/{default}).",
    )


@cli.command("plan")
@INPUTS
@OUT
@template_option("ke_hoach.docx")
@PDF
def plan_command(inputs: tuple[Path, ...], out: Path, template: Path | None, pdf: bool) -> None:
    """Soạn Kế hoạch CCHC (kèm phụ lục nhiệm vụ) từ dữ liệu đầu vào.

    ĐẦU_VÀO: thư mục làm việc (ke_hoach.docx, ke_hoach.xlsx) hoặc các tệp đó.
    """
    _written(make(Request(DocumentKind.PLAN, inputs, out, template=template)), "kế hoạch", pdf)


@cli.command("report", short_help="Soạn Báo cáo CCHC định kỳ kèm phụ lục.")
@INPUTS
@click.option(
    "--period", "-k", "period", required=True, help=PERIOD_HELP, metavar="KỲ",
    type=messages.Choice([kind.code for kind in PERIOD_KINDS], case_sensitive=False),
)  # fmt: skip
@click.option(
    "--year", "-n", "year", required=True, type=YEAR, metavar="NĂM", help="Năm báo cáo, ví dụ 2022."
)
@OUT
@template_option("bao_cao_quy.docx")
@PDF
def report_command(
    inputs: tuple[Path, ...], period: str, year: int, out: Path, template: Path | None, pdf: bool
) -> None:
    """Soạn Báo cáo CCHC định kỳ (kèm Phụ lục I nhiệm vụ, Phụ lục II TTHC).

    ĐẦU_VÀO: thư mục làm việc (ke_hoach.docx, ke_hoach.xlsx, bao_cao_<kỳ>_<năm>.docx,
    tien_do_<kỳ>_<năm>.xlsx) hoặc các tệp đó.
    """
    request = Request(DocumentKind.REPORT, inputs, out, period=period.upper(), year=year, template=template)
    _written(make(request), "báo cáo", pdf)


def _written(outcome: Outcome, what: str, pdf: bool) -> None:
    show(outcome.warnings)
    click.echo(f"Đã ghi {what}: {outcome.path}")
    if pdf:
        to_pdf([outcome.path])


@cli.command("rollover", short_help="Lập dự thảo kế hoạch năm sau từ kế hoạch năm nay.")
@INPUTS
@click.option(
    "--year", "-n", required=True, type=YEAR, metavar="NĂM", help="Năm của kế hoạch mới, ví dụ 2023."
)
@click.option(
    "--progress", "-p", type=PATH, metavar="TỆP",
    help="Bảng tiến độ cả năm cũ (trang Tiến độ): nhiệm vụ chưa xong được chuyển tiếp.",
)  # fmt: skip
@click.option("--drop-done", is_flag=True, help="Bỏ các nhiệm vụ đã hoàn thành không lặp lại hằng năm.")
@click.option(
    "--out",
    "-o",
    type=PATH,
    metavar="THƯ_MỤC",
    help="Thư mục cho dữ liệu năm mới (mặc định: outputs/du_thao_NĂM).",
)
@click.option("--force", is_flag=True, help="Ghi đè các tệp đã có trong thư mục đầu ra.")
def rollover_command(
    inputs: tuple[Path, ...], year: int, progress: Path | None, drop_done: bool, out: Path | None, force: bool
) -> None:
    """Lập dự thảo kế hoạch năm sau từ kế hoạch năm nay (dữ liệu sửa được và văn bản .docx).

    Năm kế hoạch được chuyển trong tiêu đề, trích yếu, phụ lục và mọi thời hạn; văn bản pháp luật
    được dẫn giữ nguyên; những chỗ cần người xem lại được liệt kê trong danh sách thay đổi.
    """
    target = out or Path("outputs") / f"du_thao_{year}"
    request = Request(
        DocumentKind.DRAFT, inputs, target, year=year, progress=progress, drop_done=drop_done, overwrite=force
    )
    outcome = make(request)
    if outcome.draft is not None:
        click.echo(outcome.draft.change_list)
        for path in outcome.draft.files:
            click.echo(f"Đã tạo: {path}")
    show(outcome.warnings)
    click.echo(f"Đã ghi dự thảo kế hoạch: {outcome.path}")


@cli.command("import", short_help="Lấy dữ liệu từ kế hoạch, báo cáo Word đã có.")
@click.argument("source", type=PATH, metavar="TỆP.docx")
@click.option(
    "--out", "-o", type=PATH, metavar="THƯ_MỤC",
    help="Thư mục làm việc để ghi ke_hoach.docx và ke_hoach.xlsx (mặc định: theo tên tệp, trong thư mục hiện tại).",
)  # fmt: skip
@click.option("--force", is_flag=True, help="Ghi đè ke_hoach.docx, ke_hoach.xlsx đã có trong thư mục.")
def import_command(source: Path, out: Path | None, force: bool) -> None:
    """Lấy dữ liệu từ một kế hoạch đã soạn bằng Word (ví dụ kế hoạch năm trước) thành thư mục làm việc.

    Thư mục có ke_hoach.docx (lời văn) và ke_hoach.xlsx (hồ sơ đơn vị, số, ngày, trích yếu, chỉ
    tiêu, nhiệm vụ của phụ lục). Chỗ nào cchc không xếp được được giữ lại và liệt kê kèm vị trí
    (đoạn, bảng, hàng). Tệp .doc được chuyển bằng LibreOffice nếu máy có. Sau đó: cchc plan THƯ_MỤC,
    hoặc cchc rollover THƯ_MỤC --year NĂM_SAU để lập dự thảo năm sau. Với một báo cáo định kỳ,
    cchc lấy Phụ lục I (tình hình thực hiện nhiệm vụ) thành bảng tiến độ tien_do_<kỳ>_<năm>.xlsx.
    """
    from generator.domain.text import ascii_slug
    from generator.workflows.importing import import_document

    target = out or Path(ascii_slug(source.stem) or "ke_hoach")
    result = import_document(source, target, overwrite=force)
    show(result.warnings)
    for path in result.files:
        click.echo(f"Đã tạo: {path}")
    if result.files[0].name.startswith("tien_do_"):
        click.echo(f"Đã lấy tiến độ của {result.tasks} nhiệm vụ từ Phụ lục I của báo cáo.")
        return
    click.echo(
        f"Đã lấy {result.paragraphs} đoạn văn, {result.tasks} dòng phụ lục, {result.targets} chỉ tiêu dạng phần trăm."
    )
    click.echo(f"Tiếp theo: cchc plan {target}  (hoặc: cchc rollover {target} --year <năm sau>)")


@cli.command("batch", short_help="Soạn văn bản cho nhiều đơn vị, kèm bảng tổng hợp.")
@click.argument("source", type=PATH, metavar="NGUỒN")
@OUT
@PDF
@click.option(
    "--jobs", "-j", type=click.IntRange(min=1), metavar="N",
    help="Số tiến trình soạn song song (mặc định: số lõi CPU của máy; 1: lần lượt từng đơn vị).",
)  # fmt: skip
def batch_command(source: Path, out: Path, pdf: bool, jobs: int | None) -> None:
    """Soạn nhiều văn bản một lần: mọi đơn vị, mọi kỳ, kèm bảng tổng hợp.

    NGUỒN: thư mục chứa các thư mục đơn vị, một thư mục làm việc, hoặc tệp danh sách .yaml
    (phần danh_sach:). Đơn vị lỗi không làm dừng các đơn vị khác. Các đơn vị được chia cho
    nhiều tiến trình (--jobs); văn bản, tên tệp và thông báo vẫn như khi chạy lần lượt.
    """
    from generator.files import output_lock
    from generator.workflows import batch

    plan = batch.discover(source)
    with output_lock(out):  # one run at a time in ``out``
        with _progress(len(plan.jobs)) as advance:
            result = batch.run(plan, out, on_job=lambda _job: advance(), workers=jobs or _cores())
        for job, outcome in result.written:
            click.echo(f"Đã ghi {job.label}: {outcome.path}")
            show(outcome.warnings)
        for path in result.consolidated:
            click.echo(f"Đã ghi tổng hợp: {path}")
        for job, lines in result.failed:
            click.echo(f"Lỗi    {job.label}", err=True)
            for line in lines:
                click.echo(f"  Lỗi: {line}", err=True)
        click.echo(f"Tổng kết: đã ghi {len(result.written)} văn bản, lỗi {len(result.failed)}.")
        if pdf:
            to_pdf(
                [o.path for _, o in result.written] + [p for p in result.consolidated if p.suffix == ".docx"]
            )
    if result.failed:
        raise click.exceptions.Exit(1)


def _cores() -> int:
    """The CPU cores this process may use (fewer than the machine's under a CPU affinity mask)."""
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity else os.cpu_count() or 1


@contextlib.contextmanager
def _progress(total: int) -> Iterator[Callable[[], None]]:
    """A progress bar on a terminal; nothing in logs or tests."""
    if not sys.stderr.isatty():
        yield lambda: None
        return
    with click.progressbar(length=total, label="Đang soạn", file=sys.stderr) as bar:
        yield lambda: bar.update(1)


def to_pdf(documents: list[Path], out: Path | None = None) -> None:
    from generator.workflows import pdf

    for path in pdf.convert(documents, out):
        click.echo(f"Đã ghi PDF: {path}")
