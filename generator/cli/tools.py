"""Commands around the documents: init (a working folder), check (ND 30 format of any Word file),
pdf (through LibreOffice) and serve (the local web page)."""

from __future__ import annotations

from pathlib import Path

import click

from generator.cli import messages
from generator.cli.app import cli, this_year
from generator.cli.documents import PATH, YEAR, to_pdf
from generator.errors import GeneratorError


@cli.command("init", short_help="Tạo thư mục làm việc mới để điền.")
@click.argument("folder", type=PATH, metavar="THƯ_MỤC")
@click.option("--year", "-n", type=YEAR, metavar="NĂM", help="Năm kế hoạch (mặc định: năm hiện tại).")
@click.option("--force", is_flag=True, help="Ghi đè các tệp đã có.")
@click.option("--yaml", "as_yaml", is_flag=True, help="Tạo các tệp YAML (cho người quen soạn văn bản thuần).")
def init_command(folder: Path, year: int | None, force: bool, as_yaml: bool) -> None:
    """Tạo thư mục làm việc mới để điền: lời văn kế hoạch và báo cáo (Word), hồ sơ đơn vị,
    chỉ tiêu, nhiệm vụ và tiến độ (Excel).

    Đã có kế hoạch năm trước bằng Word? Dùng cchc import TỆP.docx --out THƯ_MỤC thay cho lệnh này.
    """
    from generator.workflows.launcher import WINDOWS, write_launchers
    from generator.workflows.workspace import init_folder, init_word_folder

    make = init_folder if as_yaml else init_word_folder
    for path in make(folder, year or this_year(), overwrite=force) + write_launchers(folder):
        click.echo(f"Đã tạo: {path}")
    click.echo(
        f"Điền các tệp trên rồi nhấp đúp {WINDOWS} (Windows) để mở trang cchc và soạn văn bản, "
        f"hoặc chạy: cchc plan {folder}"
    )


@cli.command("pdf", short_help="Chuyển tệp .docx sang PDF (cần LibreOffice).")
@click.argument("documents", nargs=-1, required=True, type=PATH, metavar="TỆP.docx...")
@click.option("--out", "-o", type=PATH, metavar="THƯ_MỤC", help="Thư mục ghi PDF (mặc định: cạnh từng tệp).")
def pdf_command(documents: tuple[Path, ...], out: Path | None) -> None:
    """Chuyển các tệp .docx sang PDF bằng LibreOffice (một lần chạy cho mọi tệp)."""
    missing = [d for d in documents if not d.is_file()]
    if missing:
        raise GeneratorError("; ".join(f"{d}: không tìm thấy tệp" for d in missing))
    to_pdf(list(documents), out)


@cli.command("check")
@click.argument("files", nargs=-1, required=True, type=PATH, metavar="TỆP.docx...")
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


@cli.command("serve")
@click.option(
    "--host", default="127.0.0.1", metavar="ĐỊA_CHỈ",
    help="Địa chỉ lắng nghe; mặc định 127.0.0.1 (chỉ máy này). Chỉ đổi (ví dụ 0.0.0.0) khi cần "
    "mở cho máy khác trong mạng.",
)  # fmt: skip
@click.option(
    "--allow-host", "allow", multiple=True, metavar="TÊN",
    help="Tên hoặc địa chỉ IP mà máy khác dùng để mở trang (bắt buộc với --host 0.0.0.0; lặp lại "
    "cho mỗi tên).",
)  # fmt: skip
@click.option(
    "--port", "-p", type=messages.IntRange(0, 65535), default=0, metavar="CỔNG",
    help="Cổng; mặc định tự chọn một cổng còn trống.",
)  # fmt: skip
@click.option("--no-browser", is_flag=True, help="Không tự mở trình duyệt.")
@click.argument("folder", type=PATH, required=False, metavar="[THƯ_MỤC]")
def serve_command(
    host: str, allow: tuple[str, ...], port: int, no_browser: bool, folder: Path | None = None
) -> None:
    """Mở trang web trên máy này để soạn văn bản không cần gõ lệnh.

    Có THƯ_MỤC (thư mục làm việc): trang mở ngay dữ liệu của thư mục đó (chỉ đọc). Trên trang:
    tải bộ mẫu trống, lấy dữ liệu từ kế hoạch Word năm trước, đưa dữ liệu lên, xem cchc đã hiểu
    gì, soạn kế hoạch, báo cáo, dự thảo năm sau, soạn nhiều đơn vị, kiểm tra thể thức một tệp
    Word, tải tệp Word/PDF. Dừng bằng nút "Tắt" trên trang hoặc Ctrl+C; các tệp đã tải lên được
    xóa khi dừng.
    """
    from generator.web.server import run

    run(
        host, port, this_year=this_year(), open_browser=not no_browser, say=click.echo, allow=allow,
        folder=folder,
    )  # fmt: skip
