"""The About page: what the dashboard shows, its definitions and sources."""

from __future__ import annotations

ABOUT: dict[str, dict[str, str]] = {
    "about.data_date": {
        "vi": "**Ngày cập nhật số liệu:** {date} (UTC), qua {batches} lượt nạp.",
        "en": "**Data last updated:** {date} (UTC), in {batches} loads.",
    },
    "about.body": {
        "vi": """
Bảng điều khiển theo dõi công tác **đối ngoại nhân dân** của Liên hiệp các tổ chức hữu nghị
Việt Nam và các Liên hiệp các tổ chức hữu nghị tỉnh, thành phố: hội viên các hội hữu nghị,
viện trợ phi chính phủ nước ngoài (PCPNN) và hoạt động đoàn ra, đoàn vào.

#### Định nghĩa
- **Hội viên**: số hội viên các hội hữu nghị song phương (Hội hữu nghị Việt Nam – X) vào cuối
  năm; **hội hữu nghị**: số hội có báo cáo trong năm; **chi hội**: số chi hội, liên chi hội.
- **Viện trợ PCPNN**: giá trị **cam kết** và **giải ngân**, ghi theo đồng tiền gốc và quy đổi
  ra VND và USD theo tỷ giá bình quân năm. **Tỷ lệ giải ngân** = giải ngân ÷ cam kết.
- **Lĩnh vực** theo mã ngành DAC của OECD (chuẩn của IATI, OECD CRS): y tế 121–122, giáo dục
  111–114, cấp nước 140, quản trị 151, an sinh xã hội 160, nông nghiệp 311, môi trường 410,
  đa ngành 430, khẩn cấp 720, tái thiết 730, phòng chống thiên tai 740.
- **Đoàn vào / đoàn ra**: đoàn nước ngoài đến địa phương và đoàn địa phương đi nước ngoài,
  cùng sự kiện, hội nghị, thăm nhân đạo và giao lưu văn hóa.

#### Sắp xếp đơn vị hành chính năm 2025
Từ 1/7/2025, theo Nghị quyết 202/2025/QH15, cả nước có 34 đơn vị hành chính cấp tỉnh thay cho
63. Số liệu trước đó được báo cáo theo 63 tỉnh cũ và được lưu **đúng như báo cáo**. Khi chọn
một tỉnh hiện nay, bảng điều khiển cộng cả số liệu các tỉnh cũ đã hợp nhất vào tỉnh đó (chọn
Đồng Nai gồm cả Bình Phước trước khi hợp nhất). Khi bật **Xem theo 63 tỉnh cũ**, số liệu sau
1/7/2025 của một tỉnh mới được hiển thị dưới tỉnh cũ đặt trụ sở và giữ mã của tỉnh mới (mã 52
là Bình Định trong danh mục cũ và Gia Lai trong danh mục mới). Mọi mã tỉnh đều đi kèm danh
mục của nó. Danh mục, mã, tọa độ và bảng chuyển đổi lấy từ thư viện `vietnamadminunits`.

#### Nguồn
- Các số liệu nêu trong năm bài báo nguồn được nhập thành bản ghi riêng, ghi rõ tên tệp bài
  báo ở cột `source`: tổng kết đối ngoại nhân dân Đắk Lắk 2014 (000), Liên hiệp các tổ chức
  hữu nghị tỉnh Đồng Nai (001), Hội nghị tổng kết đối ngoại nhân dân 2014 (002), Liên hiệp
  các tổ chức hữu nghị tỉnh Gia Lai (003), Hội nghị toàn quốc công tác đối ngoại nhân dân 2022
  tại Cao Bằng (004).
- Dữ liệu giả lập (`synthetic`) theo quy mô các báo cáo công khai: 220–300 triệu USD viện trợ
  PCPNN giải ngân mỗi năm trên cả nước, 1–8 triệu USD mỗi tỉnh.
- Số liệu do cán bộ nhập có `source` là lượt nạp tương ứng.
- Tên quốc gia tiếng Việt theo CLDR (thư viện Babel); mã quốc gia ISO 3166-1 alpha-3.
- Tỷ giá: bình quân năm (23.200 VND/USD năm 2018, 24.300 năm 2023).
""",
        "en": """
A dashboard of Vietnam's **people's diplomacy**, kept by the Vietnam Union of Friendship
Organizations and the provincial unions: members of the friendship associations, foreign
non-governmental aid, and delegations sent and received.

#### Definitions
- **Members**: members of the bilateral friendship associations (Vietnam–X Friendship
  Association) at year end; **associations**: associations that reported in the year;
  **chapters**: chapters and inter-chapters.
- **Foreign NGO aid**: amounts **committed** and **disbursed**, kept in their original
  currency and converted to VND and USD at the yearly average rate. **Disbursement rate** =
  disbursed ÷ committed.
- **Sectors** are OECD DAC purpose codes (the standard of IATI and the OECD CRS): health
  121–122, education 111–114, water 140, government 151, social protection 160, agriculture
  311, environment 410, multisector 430, emergency 720, reconstruction 730, disaster
  prevention 740.
- **Incoming / outgoing**: foreign delegations received and local delegations sent abroad,
  with events, conferences, humanitarian visits and cultural exchanges.

#### The 2025 province reform
Since 1 July 2025 (Resolution 202/2025/QH15) Vietnam has 34 provincial units instead of 63.
Earlier figures were reported under the 63 former provinces and are kept **as reported**.
Choosing a current province adds up the former provinces merged into it (Đồng Nai includes
Bình Phước before the merger). With **Show the 63 former provinces**, figures reported after
1 July 2025 by a new unit show under the former province that hosts its centre and whose
code it kept (code 52 is Bình Định in the old list and Gia Lai in the new one). Every code is
stored with the list it belongs to. Lists, codes, centroids and the old→new mapping come from
the `vietnamadminunits` library.

#### Sources
- Every figure stated in the five source articles is its own record, with the article's file
  name in the `source` column: Đắk Lắk's 2014 review (000), the Đồng Nai union (001), the 2014
  national review conference (002), the Gia Lai union (003), the 2022 national conference in
  Cao Bằng (004).
- Synthetic data (`synthetic`) follows the magnitudes of public reports: 220–300 million USD
  of foreign NGO aid disbursed a year nationally, 1–8 million USD per province.
- Figures loaded by staff carry their load as `source`.
- Vietnamese country names from CLDR (Babel); country codes ISO 3166-1 alpha-3.
- Exchange rates: yearly averages (23,200 VND/USD in 2018, 24,300 in 2023).
""",
    },
}
