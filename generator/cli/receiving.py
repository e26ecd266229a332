"""``cchc tong-hop``: the receiving office's command (docs/tong-hop.md)."""

from __future__ import annotations

from pathlib import Path

import click

from generator.cli import messages
from generator.cli.app import cli
from generator.cli.documents import PATH, PDF, PERIOD_HELP, YEAR, to_pdf
from generator.domain import form06
from generator.domain.models import DEADLINE_DAY
from generator.domain.periods import PERIOD_KINDS


@cli.command("tong-hop", short_help="Tổng hợp báo cáo các đơn vị gửi về.")
@click.argument("folder", type=PATH, metavar="THƯ_MỤC")
@click.option(
    "--period", "-k", "period", required=True, help=PERIOD_HELP, metavar="KỲ",
    type=messages.Choice([kind.code for kind in PERIOD_KINDS], case_sensitive=False),
)  # fmt: skip
@click.option("--year", "-n", required=True, type=YEAR, metavar="NĂM", help="Năm báo cáo, ví dụ 2026.")
@click.option(
    "--out", "-o", type=PATH, default=Path("outputs"), metavar="THƯ_MỤC",
    help="Thư mục ghi bảng tổng hợp (.docx, .xlsx); mặc định: outputs",
)  # fmt: skip
@click.option(
    "--don-vi", "units", type=PATH, metavar="TỆP.xlsx",
    help=f"Danh sách đơn vị phải báo cáo: cột “{form06.UNIT_TITLE}” của một bảng tính.",
)  # fmt: skip
@click.option(
    "--ky-truoc", "previous", type=PATH, metavar="THƯ_MỤC",
    help="Thư mục báo cáo kỳ trước: danh sách đơn vị, và đối chiếu cột “Từ kỳ trước”.",
)  # fmt: skip
@click.option("--han-gui", "deadline_day", type=messages.IntRange(1, 31), default=DEADLINE_DAY, metavar="NGÀY",
              help="Hạn gửi báo cáo: ngày của tháng cuối kỳ (mặc định 20).")  # fmt: skip
@click.option("--kem-theo", "reference", default="", metavar="DÒNG",
              help="Dòng “(Kèm theo Báo cáo số … )” dưới tiêu đề phụ lục.")  # fmt: skip
@PDF
def receive_command(
    folder: Path, period: str, year: int, out: Path, units: Path | None, previous: Path | None,
    deadline_day: int, reference: str, pdf: bool,
) -> None:  # fmt: skip
    """Tổng hợp các báo cáo CCHC đơn vị gửi về (.docx, .doc, .odt trong THƯ_MỤC).

    Ghi bảng tổng hợp (Biểu 06 theo đơn vị và theo lĩnh vực, nhiệm vụ theo đơn vị và theo nhóm)
    bằng Word và Excel, và in danh sách cần xử lý: đơn vị chưa báo cáo, gửi muộn, báo cáo kỳ
    khác, Biểu 06 sai tổng, trùng báo cáo, tệp không đọc được.
    """
    from generator.workflows.receiving import receive

    result = receive(folder, (period.upper(), year), out, units=units, previous=previous,
                     deadline_day=deadline_day, reference=reference)  # fmt: skip
    for path in result.files:
        click.echo(f"Đã ghi tổng hợp: {path}")
    click.echo(f"Đã đọc {result.reports} tệp; cộng vào bảng tổng hợp {len(result.counted)} đơn vị.")
    if result.findings:
        click.echo(f"Cần xử lý ({len(result.findings)}):")
    for number, finding in enumerate(result.findings, start=1):
        where = ", ".join(part for part in (finding.unit, finding.file) if part)
        click.echo(f"{number:>3}. {finding.kind}: {where}: {finding.detail}")
    if pdf:
        to_pdf([p for p in result.files if p.suffix == ".docx"])
