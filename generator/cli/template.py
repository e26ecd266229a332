"""``cchc template check``: a Word template checked before anything is rendered with it."""

from __future__ import annotations

from pathlib import Path

import click

from generator.cli import messages
from generator.cli.app import cli
from generator.cli.documents import PATH, PERIOD_HELP, YEAR
from generator.domain.periods import PERIOD_KINDS


@cli.group("template")
def template_group() -> None:
    """Làm việc với mẫu Word riêng (mẫu docxtpl/Jinja2)."""


@template_group.command("check")
@click.argument("template", type=PATH, metavar="MẪU.docx")
@click.argument("folder", type=PATH, required=False, metavar="[THƯ_MỤC]")
@click.option(
    "--period", "-k", help=PERIOD_HELP + " Chỉ dùng cho mẫu báo cáo khi có THƯ_MỤC.", metavar="KỲ",
    type=messages.Choice([kind.code for kind in PERIOD_KINDS], case_sensitive=False),
)  # fmt: skip
@click.option("--year", "-n", type=YEAR, metavar="NĂM", help="Năm của kỳ báo cáo.")
def check_command(template: Path, folder: Path | None, period: str | None, year: int | None) -> None:
    """Kiểm tra mẫu trước khi soạn: lỗi cú pháp, thẻ bị Word tách, biến dữ liệu không có,
    tính năng cchc không hỗ trợ. Mỗi lỗi một dòng kèm đoạn (hoặc ô bảng) và chữ quanh thẻ.

    Không có THƯ_MỤC: đối chiếu với tên biến ghi trong docs/mau-rieng.md; có THƯ_MỤC: với dữ liệu thật
    của thư mục làm việc đó (kế hoạch, hoặc báo cáo nếu mẫu dùng tên biến của báo cáo).
    Mã thoát: 0 không thấy lỗi, 1 có lỗi.
    """
    from generator.workflows.template_check import check_template

    outcome = check_template(template, folder, period.upper() if period else None, year)
    click.echo(f"Mẫu {template.name}, đối chiếu với dữ liệu {outcome.data} ({outcome.source}):")
    for finding in outcome.findings:
        click.echo(
            f"Lỗi: {template.name}, {finding}" if finding.place else f"Lỗi: {template.name}: {finding}"
        )
    if outcome.findings:
        click.echo(f"{len(outcome.findings)} lỗi.")
        click.get_current_context().exit(1)
    click.echo("Không thấy lỗi.")
