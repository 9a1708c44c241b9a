"""Demo: the "Taipei Good Products" showcase page under the home page, in every portal language (idempotent).

The zh-hant page is the source; each other language gets its translation (and a main-menu link) once that
language's home page exists. A language without a home page yet is skipped with a message.
"""

from django.db import transaction
from wagtail.models import Locale

from portal.home.demo import add_menu_item, ensure_child, ensure_translation, find_home

from .models import ShowcasePage

SLUG = "showcase"
FIELDS = {
    "zh-hant": {
        "title": "台北好物館",
        "hero_heading": "台北好物館：臺北的好產品，直送東南亞",
        "hero_text": "由臺北市政府產業發展局審核的在地企業與產品。向供應商詢價、索取樣品，以您的語言溝通。",
        "search_description": "臺北市政府產業發展局審核的臺北好產品：鳳梨酥、烏龍茶、醬料、保養品與更多。",
    },
    "en": {
        "title": "Taipei Good Products",
        "hero_heading": "Taipei Good Products: the best of Taipei, shipped to Southeast Asia",
        "hero_text": "Local companies and products reviewed by the Taipei City Department of Economic Development. "
        "Ask suppliers for quotes and samples, in your language.",
        "search_description": "Taipei products reviewed by the city: pineapple cakes, oolong tea, sauces, "
        "skincare and more.",
    },
    "th": {
        "title": "ไทเปกู๊ดโปรดักส์",
        "hero_heading": "ไทเปกู๊ดโปรดักส์: สินค้าดีจากไทเป ส่งตรงถึงเอเชียตะวันออกเฉียงใต้",
        "hero_text": "บริษัทและสินค้าท้องถิ่นที่ผ่านการตรวจสอบจากกรมพัฒนาเศรษฐกิจ รัฐบาลนครไทเป "
        "ขอใบเสนอราคาและสินค้าตัวอย่างจากซัพพลายเออร์ได้ในภาษาของท่าน",
        "search_description": "สินค้าไทเปที่ผ่านการตรวจสอบจากรัฐบาลนครไทเป: พายสับปะรด ชาอูหลง ซอส "
        "ผลิตภัณฑ์ดูแลผิว และอื่น ๆ อีกมากมาย",
    },
    "ms": {
        "title": "Taipei Good Products",
        "hero_heading": "Taipei Good Products: produk terbaik Taipei, dihantar terus ke Asia Tenggara",
        "hero_text": "Syarikat dan produk tempatan yang disemak oleh Jabatan Pembangunan Ekonomi, Kerajaan Bandaraya "
        "Taipei. Minta sebut harga dan sampel daripada pembekal dalam bahasa anda.",
        "search_description": "Produk Taipei yang disemak oleh kerajaan bandaraya: kek nanas, teh oolong, sos, "
        "penjagaan kulit dan banyak lagi.",
    },
    "id": {
        "title": "Taipei Good Products",
        "hero_heading": "Taipei Good Products: produk terbaik dari Taipei, dikirim langsung ke Asia Tenggara",
        "hero_text": "Perusahaan dan produk lokal yang telah diperiksa oleh Dinas Pengembangan Ekonomi Pemerintah "
        "Kota Taipei. Minta penawaran harga dan sampel dari pemasok dalam bahasa Anda.",
        "search_description": "Produk Taipei yang telah diperiksa pemerintah kota: kue nanas, teh oolong, saus, "
        "perawatan kulit, dan banyak lagi.",
    },
    "vi": {
        "title": "Taipei Good Products",
        "hero_heading": "Taipei Good Products: sản phẩm tốt nhất của Đài Bắc, giao thẳng đến Đông Nam Á",
        "hero_text": "Doanh nghiệp và sản phẩm địa phương đã được Sở Phát triển Kinh tế, Chính quyền thành phố "
        "Đài Bắc thẩm định. Quý khách có thể hỏi giá và yêu cầu hàng mẫu từ nhà cung cấp bằng ngôn ngữ của mình.",
        "search_description": "Sản phẩm Đài Bắc được thành phố thẩm định: bánh dứa, trà ô long, nước sốt, "
        "mỹ phẩm dưỡng da và nhiều hơn nữa.",
    },
}
SOURCE = "zh-hant"
LANGUAGE_NAMES = {"en": "English", "th": "Thai", "ms": "Malay", "id": "Indonesian", "vi": "Vietnamese"}


@transaction.atomic
def seed(*, stdout):
    """The showcase page below the zh-hant home page and its translations, each linked from its main menu."""
    default_locale = Locale.objects.filter(language_code=SOURCE).first()
    home = find_home(default_locale) if default_locale else None
    if home is None:
        stdout.write("  no zh-hant home page yet: showcase skipped (seed the home pages first)")
        return
    showcase = ensure_child(home, ShowcasePage, SLUG, dict(FIELDS[SOURCE]), stdout=stdout)
    add_menu_item(showcase, FIELDS[SOURCE]["title"], stdout=stdout)
    ready = [SOURCE]
    for code, fields in FIELDS.items():
        if code == SOURCE:
            continue
        locale = Locale.objects.filter(language_code=code).first()
        if locale is None or home.get_translation_or_none(locale) is None:
            stdout.write(f"  no {LANGUAGE_NAMES[code]} home page: {LANGUAGE_NAMES[code]} showcase skipped")
            continue
        page, _created = ensure_translation(showcase, locale, dict(fields), stdout=stdout)
        add_menu_item(page, fields["title"], stdout=stdout)
        ready.append(code)
    stdout.write(f"  showcase page ready in {', '.join(ready)}")
