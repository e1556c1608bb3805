import { FundingSource, SchoolLevel } from '@emis/domain';

/**
 * What the demo's schools own, as buyers' catalogue lines: the name on the hand-over record, the wear category
 * (asset_category codes of the assets migration), the unit and a price range for one item in đồng. Whether a line
 * becomes fixed assets (one record per item) or a lot of tools (one record of n items) is not written here: the
 * configured threshold decides it from the price (Circular 23/2023/TT-BTC Art. 3.2), so a 9.5 M đ television is a
 * tool and an 11 M đ one a fixed asset, as in a real register.
 */
export interface CatalogueItem {
  name: string;
  category: string;
  unit: string;
  price: readonly [number, number];
  /** Most often paid by: the state budget unless said otherwise. */
  funding?: readonly (readonly [FundingSource, number])[];
}

const M = 1_000_000;

/** Parents' associations and local firms give televisions and air conditioners ("xã hội hóa"). */
export const GIFTED: readonly (readonly [FundingSource, number])[] = [
  ['STATE_BUDGET', 55],
  ['DONATION', 30],
  ['TUITION', 10],
  ['AID', 5],
];
export const BUDGET_MOSTLY: readonly (readonly [FundingSource, number])[] = [
  ['STATE_BUDGET', 85],
  ['TUITION', 8],
  ['AID', 4],
  ['OTHER', 3],
];

const item = (
  name: string,
  category: string,
  unit: string,
  low: number,
  high: number,
  funding?: CatalogueItem['funding'],
): CatalogueItem => ({ name, category, unit, price: [Math.round(low * M), Math.round(high * M)], funding });

/** A classroom of general education (primary, secondary, continuing education). */
export const CLASSROOM = {
  smartTv: item('Tivi thông minh 65 inch', 'TEACHING_EQUIPMENT', 'chiếc', 14.5, 21, GIFTED),
  projector: item('Máy chiếu đa năng kèm màn chiếu', 'TEACHING_EQUIPMENT', 'bộ', 11, 16.5),
  airConditioner: item('Máy điều hòa không khí 24.000 BTU', 'AIR_CONDITIONER', 'chiếc', 15, 23, GIFTED),
  pupilDesks: item('Bàn ghế học sinh 2 chỗ ngồi', 'OTHER_TANGIBLE', 'bộ', 1.35, 2.2),
  teacherDesk: item('Bàn ghế giáo viên', 'OTHER_TANGIBLE', 'bộ', 1.8, 2.9),
  board: item('Bảng từ chống lóa', 'TEACHING_EQUIPMENT', 'chiếc', 3.2, 6),
  fans: item('Quạt trần', 'OTHER_MACHINERY', 'chiếc', 0.75, 1.15),
  lights: item('Đèn LED chiếu sáng lớp học', 'OTHER_MACHINERY', 'bộ', 0.18, 0.32),
  cabinet: item('Tủ đựng đồ dùng lớp học', 'OTHER_TANGIBLE', 'chiếc', 1.9, 3.6),
  teacherComputer: item('Máy vi tính giáo viên (kết nối tivi, máy chiếu)', 'OFFICE_EQUIPMENT', 'bộ', 10.5, 14),
  speaker: item('Loa trợ giảng', 'TEACHING_EQUIPMENT', 'chiếc', 0.6, 1.4),
  lectern: item('Bục giảng', 'OTHER_TANGIBLE', 'chiếc', 0.9, 1.8),
  clock: item('Đồng hồ treo tường', 'OTHER_TANGIBLE', 'chiếc', 0.15, 0.35),
  portrait: item('Ảnh Bác Hồ, khung khẩu hiệu, nội quy lớp học', 'OTHER_TANGIBLE', 'bộ', 0.35, 0.8),
  bagRack: item('Giá để cặp sách, mũ nón', 'OTHER_TANGIBLE', 'chiếc', 0.6, 1.3),
  teacherKit: item('Bộ đồ dùng dạy học của giáo viên (tranh ảnh, mô hình)', 'TEACHING_EQUIPMENT', 'bộ', 1.5, 4.5),
  curtains: item('Rèm cửa lớp học', 'OTHER_TANGIBLE', 'bộ', 1.2, 2.6),
  bookcase: item('Tủ sách lớp học', 'OTHER_TANGIBLE', 'chiếc', 1.5, 2.8),
};

/** A preschool group's room: furniture and toys for the age group, a television, air conditioning. */
export const GROUP_ROOM = {
  tv: item('Tivi 55 inch', 'TEACHING_EQUIPMENT', 'chiếc', 9.2, 13.5, GIFTED),
  airConditioner: item('Máy điều hòa không khí 18.000 BTU', 'AIR_CONDITIONER', 'chiếc', 11.5, 17, GIFTED),
  minimumSet: item('Bộ thiết bị dạy học tối thiểu theo độ tuổi', 'TEACHING_EQUIPMENT', 'bộ', 12, 32),
  tables: item('Bàn ghế trẻ mầm non', 'OTHER_TANGIBLE', 'bộ', 0.65, 1.1),
  beds: item('Giường ngủ trẻ em', 'OTHER_TANGIBLE', 'chiếc', 0.3, 0.48),
  lockers: item('Tủ đựng đồ cá nhân của trẻ', 'OTHER_TANGIBLE', 'chiếc', 2.4, 3.8),
  shelves: item('Giá đồ chơi', 'OTHER_TANGIBLE', 'chiếc', 1.1, 1.9),
  rolePlay: item('Bộ đồ chơi góc phân vai', 'TEACHING_EQUIPMENT', 'bộ', 1.2, 2.6),
  building: item('Bộ đồ chơi góc xây dựng', 'TEACHING_EQUIPMENT', 'bộ', 0.9, 2.1),
  art: item('Bộ đồ dùng góc nghệ thuật', 'TEACHING_EQUIPMENT', 'bộ', 0.7, 1.6),
  learning: item('Bộ đồ dùng góc học tập', 'TEACHING_EQUIPMENT', 'bộ', 0.8, 1.8),
  nature: item('Bộ đồ dùng góc thiên nhiên', 'TEACHING_EQUIPMENT', 'bộ', 0.5, 1.2),
  organ: item('Đàn organ điện tử', 'TEACHING_EQUIPMENT', 'chiếc', 4.5, 8),
  bedding: item('Chăn, chiếu, gối cho trẻ', 'OTHER_TANGIBLE', 'bộ', 0.25, 0.45),
  towelRack: item('Giá phơi khăn, giá úp cốc inox', 'OTHER_TANGIBLE', 'chiếc', 0.9, 1.6),
  shoeRack: item('Tủ để giày dép', 'OTHER_TANGIBLE', 'chiếc', 0.9, 1.7),
  waterHeater: item('Bình nóng lạnh', 'OTHER_MACHINERY', 'chiếc', 2.6, 4.2),
  waterJar: item('Bình inox đựng nước uống có vòi', 'OTHER_TANGIBLE', 'chiếc', 0.35, 0.7),
  hygiene: item('Đồ dùng vệ sinh (xô, chậu, gáo, thảm lau)', 'OTHER_TANGIBLE', 'bộ', 0.25, 0.6),
  fans: item('Quạt treo tường', 'OTHER_MACHINERY', 'chiếc', 0.45, 0.75),
  waterFilter: item('Máy lọc nước', 'OTHER_MACHINERY', 'chiếc', 5.5, 8.5, GIFTED),
};

/** A computer room: one desktop per pupil's seat, the teacher's, a projector, network and air conditioning. */
export const COMPUTER_ROOM = {
  desktop: item('Máy vi tính để bàn (phòng tin học)', 'OFFICE_EQUIPMENT', 'bộ', 10.8, 15.5, BUDGET_MOSTLY),
  projector: item('Máy chiếu đa năng kèm màn chiếu', 'TEACHING_EQUIPMENT', 'bộ', 11, 16.5),
  network: item('Thiết bị mạng (switch, bộ phát wifi)', 'OFFICE_EQUIPMENT', 'bộ', 4.5, 9),
  desks: item('Bàn ghế phòng máy', 'OTHER_TANGIBLE', 'bộ', 1.6, 2.5),
  airConditioner: item('Máy điều hòa không khí 24.000 BTU', 'AIR_CONDITIONER', 'chiếc', 15, 23),
};

/** The office: leaders' and staff's computers, printers, the photocopier, air conditioners, furniture. */
export const OFFICE = {
  desktop: item('Máy vi tính để bàn', 'OFFICE_EQUIPMENT', 'bộ', 10.5, 14.5),
  laptop: item('Máy tính xách tay', 'OFFICE_EQUIPMENT', 'chiếc', 14.5, 23),
  printer: item('Máy in laser', 'OFFICE_EQUIPMENT', 'chiếc', 3.4, 8.2),
  colourPrinter: item('Máy in màu khổ A3', 'OFFICE_EQUIPMENT', 'chiếc', 9, 16),
  photocopier: item('Máy photocopy', 'OFFICE_EQUIPMENT', 'chiếc', 38, 76),
  scanner: item('Máy quét tài liệu', 'OFFICE_EQUIPMENT', 'chiếc', 7.5, 13),
  airConditioner: item('Máy điều hòa không khí 18.000 BTU', 'AIR_CONDITIONER', 'chiếc', 11.5, 17),
  desks: item('Bàn làm việc', 'OTHER_TANGIBLE', 'chiếc', 2.2, 4.5),
  chairs: item('Ghế làm việc', 'OTHER_TANGIBLE', 'chiếc', 0.8, 1.6),
  filing: item('Tủ đựng hồ sơ', 'OTHER_TANGIBLE', 'chiếc', 2.6, 4.8),
  meetingTable: item('Bàn ghế phòng họp hội đồng', 'OTHER_TANGIBLE', 'bộ', 3.5, 6),
  sound: item('Bộ âm thanh hội trường', 'OTHER_MACHINERY', 'bộ', 16, 38),
  cameras: item('Hệ thống camera giám sát', 'OTHER_MACHINERY', 'hệ thống', 22, 48),
  generator: item('Máy phát điện dự phòng', 'OTHER_MACHINERY', 'chiếc', 55, 130),
  shredder: item('Máy hủy tài liệu', 'OFFICE_EQUIPMENT', 'chiếc', 2.5, 5.5),
  telephone: item('Điện thoại bàn, máy fax', 'OFFICE_EQUIPMENT', 'chiếc', 0.6, 2.8),
  safe: item('Két sắt', 'OTHER_TANGIBLE', 'chiếc', 4.5, 9),
  noticeBoard: item('Bảng công tác, bảng thông báo', 'OTHER_TANGIBLE', 'chiếc', 1.1, 2.4),
  extinguishers: item('Bình chữa cháy', 'OTHER_TANGIBLE', 'bình', 0.35, 0.7),
  pump: item('Máy bơm nước', 'OTHER_MACHINERY', 'chiếc', 2.5, 6),
};

/** The health room (phòng y tế học đường). */
export const HEALTH_ROOM = {
  bed: item('Giường bệnh', 'OTHER_TANGIBLE', 'chiếc', 1.8, 3.2),
  medicineCabinet: item('Tủ thuốc', 'OTHER_TANGIBLE', 'chiếc', 1.5, 3),
  scales: item('Cân sức khỏe, thước đo chiều cao', 'OTHER_MACHINERY', 'bộ', 0.8, 1.9),
  bloodPressure: item('Máy đo huyết áp, nhiệt kế điện tử', 'OTHER_MACHINERY', 'bộ', 0.9, 2.2),
};

/** Software the school bought outright (intangible, Art. 4.1; its life is set by the province, Art. 13.2). */
export const SOFTWARE = {
  accounting: item('Phần mềm kế toán hành chính sự nghiệp', 'SOFTWARE', 'bản quyền', 12, 19),
  library: item('Phần mềm quản lý thư viện điện tử', 'SOFTWARE', 'bản quyền', 10.5, 16),
  lessons: item('Phần mềm bài giảng điện tử và học liệu số', 'SOFTWARE', 'bản quyền', 11, 24),
};

/** The library, the music and art rooms, the sports equipment, the laboratories. */
export const FUNCTION_ROOMS = {
  books: item('Sách tham khảo, truyện thiếu nhi', 'OTHER_TANGIBLE', 'cuốn', 0.045, 0.12),
  textbooks: item('Sách giáo khoa dùng chung', 'OTHER_TANGIBLE', 'cuốn', 0.018, 0.035),
  bookshelves: item('Giá sách thư viện', 'OTHER_TANGIBLE', 'chiếc', 2.2, 4.2),
  readingTables: item('Bàn ghế phòng đọc', 'OTHER_TANGIBLE', 'bộ', 1.8, 2.8),
  organ: item('Đàn organ điện tử', 'TEACHING_EQUIPMENT', 'chiếc', 7.5, 13),
  piano: item('Đàn piano điện', 'TEACHING_EQUIPMENT', 'chiếc', 17, 32),
  easels: item('Giá vẽ và bảng vẽ', 'TEACHING_EQUIPMENT', 'bộ', 0.35, 0.65),
  sports: [
    item('Bóng đá, bóng chuyền, bóng rổ', 'TEACHING_EQUIPMENT', 'quả', 0.18, 0.45),
    item('Vợt và cầu lông', 'TEACHING_EQUIPMENT', 'bộ', 0.25, 0.6),
    item('Đệm nhảy cao, nhảy xa', 'TEACHING_EQUIPMENT', 'chiếc', 2.5, 6),
    item('Cột và lưới bóng chuyền', 'TEACHING_EQUIPMENT', 'bộ', 3, 7),
    item('Xà đơn, xà kép', 'TEACHING_EQUIPMENT', 'bộ', 2.5, 5.5),
    item('Dây kéo co, dây nhảy', 'TEACHING_EQUIPMENT', 'bộ', 0.3, 0.8),
  ],
  tableTennis: item('Bàn bóng bàn', 'TEACHING_EQUIPMENT', 'chiếc', 3.8, 6.5),
  fumeHood: item('Tủ hút khí độc phòng thí nghiệm', 'TEACHING_EQUIPMENT', 'chiếc', 42, 65),
  microscopes: item('Kính hiển vi quang học', 'TEACHING_EQUIPMENT', 'chiếc', 4.5, 9),
  labBenches: item('Bàn thí nghiệm học sinh', 'OTHER_TANGIBLE', 'bộ', 3.5, 6),
};

/** A preschool's kitchen (bán trú) and playground. */
export const KITCHEN_AND_YARD = {
  riceCabinet: item('Tủ nấu cơm công nghiệp', 'OTHER_MACHINERY', 'chiếc', 12.5, 19),
  dishDryer: item('Tủ sấy bát', 'OTHER_MACHINERY', 'chiếc', 13, 21),
  fridge: item('Tủ lạnh lưu mẫu thực phẩm', 'OTHER_MACHINERY', 'chiếc', 8, 12.5),
  stove: item('Bếp ga công nghiệp', 'OTHER_MACHINERY', 'bộ', 4.5, 9),
  playground: item('Bộ đồ chơi ngoài trời liên hoàn', 'TEACHING_EQUIPMENT', 'bộ', 38, 95),
  swings: item('Đu quay, cầu trượt ngoài trời', 'TEACHING_EQUIPMENT', 'chiếc', 6, 14),
};

/** A car for the school's business: some upper-secondary schools (Art. 4.1 class 3). */
export const CAR = item('Xe ô tô 7 chỗ ngồi', 'CAR', 'chiếc', 720, 960);

/**
 * The subjects whose minimum teaching-equipment list a school buys, per grade, when the 2018 general education
 * programme reaches that grade (Resolution 51/2017/QH14's roadmap: grade 1 in 2020, grades 2 and 6 in 2021, 3, 7 and
 * 10 in 2022, 4, 8 and 11 in 2023, 5, 9 and 12 in 2024) — the price of one grade's set of the subject.
 */
export const EQUIPMENT_SUBJECTS: Record<Exclude<SchoolLevel, 'PRESCHOOL' | 'CONTINUING_EDUCATION'>, CatalogueItem[]> = {
  PRIMARY: [
    item('Toán', 'TEACHING_EQUIPMENT', 'bộ', 3, 7),
    item('Tiếng Việt', 'TEACHING_EQUIPMENT', 'bộ', 2.5, 6),
    item('Tự nhiên và Xã hội, Khoa học', 'TEACHING_EQUIPMENT', 'bộ', 6, 16),
    item('Âm nhạc', 'TEACHING_EQUIPMENT', 'bộ', 5, 13),
    item('Mĩ thuật', 'TEACHING_EQUIPMENT', 'bộ', 3, 8),
    item('Giáo dục thể chất', 'TEACHING_EQUIPMENT', 'bộ', 6, 14),
    item('Tin học và Công nghệ', 'TEACHING_EQUIPMENT', 'bộ', 5, 15),
  ],
  LOWER_SECONDARY: [
    item('Toán', 'TEACHING_EQUIPMENT', 'bộ', 4, 9),
    item('Ngữ văn', 'TEACHING_EQUIPMENT', 'bộ', 2.5, 6),
    item('Khoa học tự nhiên', 'TEACHING_EQUIPMENT', 'bộ', 28, 65),
    item('Lịch sử và Địa lí', 'TEACHING_EQUIPMENT', 'bộ', 6, 15),
    item('Công nghệ', 'TEACHING_EQUIPMENT', 'bộ', 9, 24),
    item('Tin học', 'TEACHING_EQUIPMENT', 'bộ', 4, 10),
    item('Ngoại ngữ', 'TEACHING_EQUIPMENT', 'bộ', 8, 19),
    item('Âm nhạc', 'TEACHING_EQUIPMENT', 'bộ', 6, 15),
    item('Mĩ thuật', 'TEACHING_EQUIPMENT', 'bộ', 3, 8),
    item('Giáo dục thể chất', 'TEACHING_EQUIPMENT', 'bộ', 7, 16),
  ],
  UPPER_SECONDARY: [
    item('Toán', 'TEACHING_EQUIPMENT', 'bộ', 4, 10),
    item('Vật lí', 'TEACHING_EQUIPMENT', 'bộ', 24, 58),
    item('Hóa học', 'TEACHING_EQUIPMENT', 'bộ', 22, 52),
    item('Sinh học', 'TEACHING_EQUIPMENT', 'bộ', 18, 42),
    item('Lịch sử', 'TEACHING_EQUIPMENT', 'bộ', 4, 9),
    item('Địa lí', 'TEACHING_EQUIPMENT', 'bộ', 5, 12),
    item('Công nghệ', 'TEACHING_EQUIPMENT', 'bộ', 12, 30),
    item('Tin học', 'TEACHING_EQUIPMENT', 'bộ', 5, 12),
    item('Giáo dục quốc phòng và an ninh', 'TEACHING_EQUIPMENT', 'bộ', 14, 33),
    item('Giáo dục thể chất', 'TEACHING_EQUIPMENT', 'bộ', 8, 18),
  ],
};

/** The year the 2018 programme reached each grade (see EQUIPMENT_SUBJECTS). */
export const PROGRAMME_2018_YEAR: Record<string, number> = {
  '1': 2020,
  '2': 2021,
  '6': 2021,
  '3': 2022,
  '7': 2022,
  '10': 2022,
  '4': 2023,
  '8': 2023,
  '11': 2023,
  '5': 2024,
  '9': 2024,
  '12': 2024,
};
