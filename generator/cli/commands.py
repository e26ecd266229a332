"""The ``cchc`` command: options → one library call → "Lỗi: …" lines and exit codes.

Exit codes: 0 success; 1 bad data, bad template or failed output; 2 wrong usage (click).
This is the only module that imports click and the only place errors become output.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import click

from generator import __version__
from generator.cli import messages as click_vi
from generator.errors import GeneratorError, Problem

click_vi.install()

PDF_OPTION = click.option("--pdf", is_flag=True, help="Xuất thêm bản PDF (cần LibreOffice).")
INPUTS_HELP = "Thư mục làm việc hoặc các tệp .yaml/.xlsx đầu vào."
OUT_HELP = "Thư mục (hoặc tệp .docx) để ghi văn bản; mặc định: outputs"


class _Group(click.Group):
    """Turns every ``GeneratorError`` into "Lỗi: …" lines on stderr and exit code 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except GeneratorError as exc:
            for line in exc.lines():
                click.echo(f"Lỗi: {line}", err=True)
            ctx.exit(exc.exit_code)


class _Command(click.Command):
    """Commands whose usage line reads in Vietnamese."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[TÙY CHỌN]")
        super().__init__(*args, **kwargs)


_Group.command_class = _Command


@click.group(
    name="cchc",
    cls=_Group,
    context_settings={"help_option_names": ["-h", "--help"]},
    options_metavar="[TÙY CHỌN]",
    subcommand_metavar="LỆNH [ĐỐI SỐ]...",
)
@click.version_option(__version__, message="cchc %(version)s")
def cli() -> None:
    """cchc — soạn kế hoạch, báo cáo cải cách hành chính đúng thể thức Nghị định 30/2020/NĐ-CP."""


def _show(warnings: Sequence[Problem]) -> None:
    for warning in warnings:
        click.echo(f"Cảnh báo: {warning}", err=True)


@cli.command("plan")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="ĐẦU_VÀO...")
@click.option("--out", "-o", type=click.Path(path_type=Path), default=Path("outputs"), help=OUT_HELP)
@click.option(
    "--template",
    "-t",
    type=click.Path(path_type=Path),
    help="Mẫu .docx riêng (mặc định: templates/ke_hoach.docx).",
)
@PDF_OPTION
def plan_command(inputs: tuple[Path, ...], out: Path, template: Path | None, pdf: bool) -> None:
    """Soạn Kế hoạch CCHC (kèm phụ lục nhiệm vụ) từ dữ liệu đầu vào.

    ĐẦU_VÀO: thư mục làm việc (don_vi.yaml, ke_hoach.yaml, nhiem_vu.xlsx) hoặc các tệp đó.
    """
    from generator.workflows.pipeline import make_plan

    outcome = make_plan(list(inputs), out, template=template)
    _show(outcome.warnings)
    click.echo(f"Đã ghi kế hoạch: {outcome.path}")
    if pdf:
        _to_pdf([outcome.path])


PERIOD_HELP = (
    "Kỳ báo cáo: Q1 (quý I), 6T (6 tháng đầu năm), Q3 (quý III), NAM (cả năm); "
    "cũng có Q2, Q4, 9T, 6TC (6 tháng cuối năm)."
)


@cli.command("report")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="ĐẦU_VÀO...")
@click.option(
    "--period",
    "-k",
    "period",
    required=True,
    help=PERIOD_HELP,
    metavar="KỲ",
    type=click.Choice(["Q1", "Q2", "Q3", "Q4", "6T", "6TC", "9T", "NAM"], case_sensitive=False),
)
@click.option(
    "--year",
    "-n",
    "year",
    required=True,
    type=click.IntRange(2000, 2100),
    metavar="NĂM",
    help="Năm báo cáo, ví dụ 2022.",
)
@click.option("--out", "-o", type=click.Path(path_type=Path), default=Path("outputs"), help=OUT_HELP)
@click.option(
    "--template",
    "-t",
    type=click.Path(path_type=Path),
    help="Mẫu .docx riêng (mặc định: templates/bao_cao_quy.docx).",
)
@PDF_OPTION
def report_command(
    inputs: tuple[Path, ...], period: str, year: int, out: Path, template: Path | None, pdf: bool
) -> None:
    """Soạn Báo cáo CCHC định kỳ (kèm Phụ lục I nhiệm vụ, Phụ lục II TTHC).

    ĐẦU_VÀO: thư mục làm việc (don_vi.yaml, ke_hoach.yaml, nhiem_vu.xlsx, bao_cao_<kỳ>_<năm>.yaml,
    tien_do_<kỳ>_<năm>.xlsx) hoặc các tệp đó.
    """
    from generator.workflows.pipeline import make_report

    outcome = make_report(list(inputs), out, code=period.upper(), year=year, template=template)
    _show(outcome.warnings)
    click.echo(f"Đã ghi báo cáo: {outcome.path}")
    if pdf:
        _to_pdf([outcome.path])


@cli.command("init")
@click.argument("folder", type=click.Path(path_type=Path), metavar="THƯ_MỤC")
@click.option(
    "--year",
    "-n",
    type=click.IntRange(2000, 2100),
    metavar="NĂM",
    help="Năm kế hoạch (mặc định: năm hiện tại).",
)
@click.option("--force", is_flag=True, help="Ghi đè các tệp đã có.")
def init_command(folder: Path, year: int | None, force: bool) -> None:
    """Tạo thư mục làm việc mới: hồ sơ đơn vị, kế hoạch, báo cáo (YAML) và các bảng Excel để điền."""
    import datetime as dt

    from generator.workflows.workspace import init_folder

    written = init_folder(folder, year or dt.datetime.now().astimezone().year, overwrite=force)
    for path in written:
        click.echo(f"Đã tạo: {path}")
    click.echo(f"Điền các tệp trên rồi chạy: cchc plan {folder}")


@cli.command("batch")
@click.argument("source", type=click.Path(path_type=Path), metavar="NGUỒN")
@click.option("--out", "-o", type=click.Path(path_type=Path), default=Path("outputs"), help=OUT_HELP)
@PDF_OPTION
def batch_command(source: Path, out: Path, pdf: bool) -> None:
    """Soạn nhiều văn bản một lần: mọi đơn vị, mọi kỳ, kèm bảng tổng hợp.

    NGUỒN: thư mục chứa các thư mục đơn vị, một thư mục làm việc, hoặc tệp danh sách .yaml
    (phần danh_sach:). Đơn vị lỗi không làm dừng các đơn vị khác.
    """
    from generator.workflows import batch

    plan = batch.discover(source)
    with _progress(len(plan.jobs)) as advance:
        result = batch.run(plan, out, on_job=lambda _job: advance())
    for job, outcome in result.written:
        click.echo(f"Đã ghi  {job.label} → {outcome.path}")
        _show(outcome.warnings)
    for path in result.consolidated:
        click.echo(f"Đã ghi  tổng hợp → {path}")
    for job, lines in result.failed:
        click.echo(f"Lỗi    {job.label}", err=True)
        for line in lines:
            click.echo(f"  Lỗi: {line}", err=True)
    click.echo(f"Tổng kết: đã ghi {len(result.written)} văn bản, lỗi {len(result.failed)}.")
    if pdf:
        documents = [o.path for _, o in result.written] + [
            p for p in result.consolidated if p.suffix == ".docx"
        ]
        _to_pdf(documents)
    if result.failed:
        raise click.exceptions.Exit(1)


@cli.command("rollover")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="ĐẦU_VÀO...")
@click.option(
    "--year",
    "-n",
    required=True,
    type=click.IntRange(2000, 2100),
    metavar="NĂM",
    help="Năm của kế hoạch mới, ví dụ 2023.",
)
@click.option(
    "--progress",
    "-p",
    type=click.Path(path_type=Path),
    metavar="TỆP",
    help="Bảng tiến độ cả năm cũ (trang Tiến độ): nhiệm vụ chưa xong được chuyển tiếp.",
)
@click.option("--drop-done", is_flag=True, help="Bỏ các nhiệm vụ đã hoàn thành không lặp lại hằng năm.")
@click.option(
    "--out",
    "-o",
    type=click.Path(path_type=Path),
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
    from generator.workflows.rollover import rollover

    target = out or Path("outputs") / f"du_thao_{year}"
    outcome = rollover(list(inputs), year, target, progress=progress, drop_done=drop_done, overwrite=force)
    click.echo(outcome.change_list)
    for path in outcome.files:
        click.echo(f"Đã ghi: {path}")
    _show(outcome.plan.warnings)
    click.echo(f"Đã ghi dự thảo kế hoạch: {outcome.plan.path}")


@contextlib.contextmanager
def _progress(total: int) -> Iterator[Callable[[], None]]:
    """A progress bar on a terminal; nothing in logs or tests."""
    if not sys.stderr.isatty():
        yield lambda: None
        return
    with click.progressbar(length=total, label="Đang soạn", file=sys.stderr) as bar:
        yield lambda: bar.update(1)


@cli.command("pdf")
@click.argument("documents", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="TỆP.docx...")
@click.option(
    "--out", "-o", type=click.Path(path_type=Path), help="Thư mục ghi PDF (mặc định: cạnh từng tệp)."
)
def pdf_command(documents: tuple[Path, ...], out: Path | None) -> None:
    """Chuyển các tệp .docx sang PDF bằng LibreOffice (một lần chạy cho mọi tệp)."""
    missing = [d for d in documents if not d.is_file()]
    if missing:
        raise GeneratorError("; ".join(f"{d}: không tìm thấy tệp" for d in missing))
    _to_pdf(list(documents), out)


def _to_pdf(documents: list[Path], out: Path | None = None) -> None:
    from generator.workflows import pdf

    for path in pdf.convert(documents, out):
        click.echo(f"Đã ghi PDF: {path}")


# --- command: check (format checker) ---


@cli.command("check")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="TỆP.docx...")
@click.option("--json", "as_json", is_flag=True, help="In kết quả dạng JSON (cho chương trình khác đọc).")
def check_command(files: tuple[Path, ...], as_json: bool) -> None:
    """Kiểm tra thể thức tệp Word (.docx) theo Nghị định 30/2020/NĐ-CP.

    Tệp do cchc soạn hay soạn tay đều được: khổ giấy, lề, phông chữ, Quốc hiệu, Tiêu ngữ, số,
    ngày tháng, nội dung, chữ ký, nơi nhận, số trang, phụ lục. Mỗi lỗi một dòng, kèm vị trí
    (phần, đoạn, bảng, hàng). Mã thoát: 0 đúng thể thức (có thể có cảnh báo), 1 có lỗi hoặc
    không mở được tệp.
    """
    from generator.check.checker import check_files

    outcome = check_files(list(files))
    for line in [outcome.to_json()] if as_json else outcome.lines():
        click.echo(line)
    for problem in outcome.problems():
        click.echo(f"Lỗi: {problem}", err=True)
    if outcome.failed:
        click.get_current_context().exit(1)


# --- command: serve (local web page) ---


@cli.command("serve")
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    metavar="ĐỊA_CHỈ",
    help="Địa chỉ lắng nghe; mặc định chỉ máy này. Chỉ đổi (ví dụ 0.0.0.0) khi cần mở cho máy khác trong mạng.",
)
@click.option(
    "--port",
    "-p",
    type=click.IntRange(0, 65535),
    default=0,
    metavar="CỔNG",
    help="Cổng; mặc định tự chọn một cổng còn trống.",
)
@click.option("--no-browser", is_flag=True, help="Không tự mở trình duyệt.")
def serve_command(host: str, port: int, no_browser: bool) -> None:
    """Mở trang web trên máy này để soạn văn bản không cần gõ lệnh.

    Trên trang: tải bộ mẫu dữ liệu trống, đưa dữ liệu lên (hoặc chọn thư mục làm việc), xem lỗi
    dữ liệu, soạn kế hoạch hoặc báo cáo, xem số liệu đã tính và tải tệp Word/PDF. Nhấn Ctrl+C
    để dừng; các tệp đã tải lên được xóa khi dừng.
    """
    import datetime as dt

    from generator.web.server import run

    this_year = dt.datetime.now().astimezone().year
    run(host, port, this_year=this_year, open_browser=not no_browser, say=click.echo)


def _utf8_console() -> None:
    """Vietnamese must print on a Windows console or a redirected stream too."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        encoding = (getattr(stream, "encoding", "") or "").lower().replace("-", "")
        if reconfigure is not None and encoding != "utf8":
            reconfigure(encoding="utf-8", errors="replace")


def main(argv: Sequence[str] | None = None) -> None:
    _utf8_console()
    cli.main(args=list(argv) if argv is not None else None, prog_name="cchc")
