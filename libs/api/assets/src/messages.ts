import { MessageCatalogue } from '@emis/api/platform';

/**
 * The words of public assets, Vietnamese first; registered with platform's message lookup by the app. Each part of
 * the context keeps its own block, under its heading, in each of the three tables, so that additions never meet.
 */
export const ASSETS_MESSAGES: MessageCatalogue = {
  problems: {
    // — part B: register —
    asset_off_the_books: {
      vi: 'Tài sản đã thanh lý hoặc đã điều chuyển, chỉ còn để tra cứu',
      en: 'The asset has been disposed of or transferred; its record is kept read-only',
    },
    asset_transfer_pending: {
      vi: 'Tài sản đang chờ trường nhận xác nhận điều chuyển, chưa thể sửa',
      en: 'The asset is awaiting the receiving school’s acceptance of a transfer and cannot be changed',
    },

    // — part A: wear —
    wear_year_in_future: {
      vi: 'Chưa thể tính hao mòn cho một năm chưa đến',
      en: 'Wear cannot be posted for a year still to come',
    },
    wear_year_not_due: {
      vi: 'Hao mòn của năm được tính từ ngày 01/12 của năm đó (Thông tư 23/2023/TT-BTC, Điều 12)',
      en: "A year's wear is posted from 1 December of that year on (Circular 23/2023/TT-BTC, Art. 12)",
    },

    // — part C: excel and print —

    // — part D: movements and inventory —
    asset_not_lendable: {
      vi: 'Chỉ cho mượn tài sản đang sử dụng hoặc chưa sử dụng',
      en: 'Only an asset in use or idle can be lent',
    },
    asset_loan_returned: { vi: 'Lượt mượn này đã trả', en: 'This loan has already been returned' },
    asset_lent: {
      vi: 'Tài sản đang cho mượn: hãy nhận lại trước',
      en: 'The asset is out on loan: take it back first',
    },
    asset_already_known: {
      vi: 'Tài sản này đã từng có trong sổ của trường; chưa hỗ trợ nhận lại tài sản đã điều chuyển đi',
      en: 'This asset was on the school’s books before; taking back an asset the school transferred away is not supported yet',
    },
    asset_transfer_not_pending: {
      vi: 'Yêu cầu điều chuyển tài sản đã được xử lý',
      en: 'The asset transfer has already been decided',
    },
    asset_transfer_wrong_side: {
      vi: 'Trường chuyển đi chỉ được huỷ; trường nhận mới được tiếp nhận hoặc từ chối',
      en: 'The sending school may only cancel; only the receiving school may accept or reject',
    },
    inventory_already_open: {
      vi: 'Trường đang có một đợt kiểm kê chưa kết thúc',
      en: 'The school already has an inventory in progress',
    },
    inventory_not_open: {
      vi: 'Đợt kiểm kê đã kết thúc, không kiểm đếm thêm được',
      en: 'The inventory is closed; no more counting',
    },
    inventory_not_closed: {
      vi: 'Chỉ phê duyệt đợt kiểm kê đã kết thúc và chưa được phê duyệt',
      en: 'Only a closed inventory not yet approved can be approved',
    },
    inventory_asset_not_listed: {
      vi: 'Không có tài sản mang mã này trong đợt kiểm kê',
      en: 'No asset with this code is in the inventory',
    },
    inventory_already_counted: {
      vi: 'Tài sản cố định này đã được kiểm đếm',
      en: 'This fixed asset has already been counted',
    },

    // — part H: reporting —
  },
  rules: {
    // — part B: register —
    assetCodeFormat: {
      vi: 'Mã tài sản chỉ gồm chữ, số và các dấu . - /, tối đa 30 ký tự',
      en: 'The asset code may hold letters, digits and . - / only, up to 30 characters',
    },
    assetCodeTaken: {
      vi: 'Mã tài sản {0} đã được dùng cho tài sản khác của trường',
      en: 'The asset code {0} is already used by another asset of the school',
    },
    assetKind: {
      vi: 'Loại tài sản phải là tài sản cố định hoặc công cụ, dụng cụ',
      en: 'The asset kind must be fixed asset or tool',
    },
    unknownAssetCategory: {
      vi: '{field} không có trong danh mục tài sản của tỉnh',
      en: '{field} is not in the province’s asset categories',
    },
    unknownAssetLocation: {
      vi: '{field} không phải là phòng của trường',
      en: '{field} is not a room of the school',
    },
    fixedAssetQuantity: {
      vi: 'Tài sản cố định được ghi sổ từng chiếc: {field} phải là 1',
      en: 'A fixed asset is registered item by item: {field} must be 1',
    },
    assetCostTooLarge: {
      vi: 'Nguyên giá (đơn giá × số lượng) vượt quá mức hệ thống ghi nhận',
      en: 'The original cost (unit cost × quantity) is more than the system can record',
    },
    openingWearNotWorn: {
      vi: 'Công cụ, dụng cụ và tài sản không tính hao mòn không có {field}',
      en: 'Tools and assets that are not worn have no {field}',
    },
    openingWearAboveCost: {
      vi: '{field} không được lớn hơn nguyên giá ({0} đ)',
      en: '{field} cannot exceed the original cost ({0} đ)',
    },
    openingWearYearRequired: {
      vi: 'Cần nhập {field} khi có hao mòn lũy kế đầu kỳ',
      en: '{field} is required with opening wear',
    },
    assetLentStatus: {
      vi: 'Tài sản đang cho mượn: trạng thái đổi khi tài sản được trả lại',
      en: 'The asset is on loan: its status changes when it is returned',
    },
    costChangeKind: {
      vi: 'Loại thay đổi nguyên giá phải là nâng cấp, sửa chữa, đánh giá lại hoặc tháo dỡ một phần',
      en: 'The kind of cost change must be upgrade, repair, revaluation or partial removal',
    },
    costChangeDate: {
      vi: 'Ngày thay đổi nguyên giá phải là một ngày có thật (yyyy-MM-dd)',
      en: 'The date of the cost change must be a real date (yyyy-MM-dd)',
    },
    costChangeDateRange: {
      vi: 'Ngày thay đổi nguyên giá phải từ ngày đưa vào sử dụng đến hôm nay',
      en: 'The date of the cost change must be between the day the asset was put into use and today',
    },
    costChangeMustRaise: {
      vi: 'Nâng cấp, sửa chữa làm tăng nguyên giá: {field} phải lớn hơn {0} đ',
      en: 'An upgrade or repair raises the cost: {field} must be more than {0} đ',
    },
    costChangeMustLower: {
      vi: 'Tháo dỡ một phần làm giảm nguyên giá: {field} phải nhỏ hơn {0} đ',
      en: 'A partial removal lowers the cost: {field} must be less than {0} đ',
    },
    costChangeUnchanged: {
      vi: '{field} bằng nguyên giá hiện tại ({0} đ)',
      en: '{field} equals the current cost ({0} đ)',
    },
    costBelowWear: {
      vi: '{field} không được nhỏ hơn hao mòn lũy kế ({0} đ)',
      en: '{field} cannot be less than the accumulated wear ({0} đ)',
    },
    assetRoomRequired: { vi: 'Tên phòng không được để trống', en: 'The room name is required' },
    assetRoomTooLong: {
      vi: 'Tên phòng không được dài quá 100 ký tự',
      en: 'The room name must be at most 100 characters',
    },
    assetLocationTaken: {
      vi: 'Phòng {0} ở {1} đã có trong danh sách',
      en: 'Room {0} in {1} is already listed',
    },
    attachmentKind: {
      vi: 'Loại tệp đính kèm phải là hoá đơn, ảnh, quyết định hoặc khác',
      en: 'The attachment kind must be invoice, photo, decision or other',
    },
    attachmentRequired: { vi: 'Chọn tệp để đính kèm', en: 'Choose a file to attach' },
    attachmentTooLarge: {
      vi: '{field} quá lớn: tối đa {0} MB',
      en: '{field} is too large: at most {0} MB',
    },
    attachmentType: {
      vi: '{field} phải là PDF, JPEG, PNG hoặc WebP',
      en: '{field} must be a PDF, JPEG, PNG or WebP file',
    },

    // — part A: wear —
    wearRateOutOfRange: {
      vi: '{field} phải trong khoảng {0}–{1} phần vạn (±20% tỷ lệ mặc định, Điều 13 Thông tư 23/2023/TT-BTC)',
      en: '{field} must be {0}–{1} basis points (±20 % of the default, Circular 23/2023/TT-BTC Art. 13)',
    },
    wearLifeOutOfRange: {
      vi: '{field} phải từ {0} đến {1} năm (Điều 13 Thông tư 23/2023/TT-BTC)',
      en: '{field} must be {0} to {1} years (Circular 23/2023/TT-BTC Art. 13)',
    },
    wearNotApplicable: {
      vi: '{field} không áp dụng cho loại tài sản này',
      en: '{field} does not apply to this category',
    },
    wearNotWorn: {
      vi: 'Loại tài sản này không tính hao mòn: không đặt {field}',
      en: 'This category is not worn: {field} cannot be set',
    },

    // — part C: excel and print —

    // — part D: movements and inventory —
    notBefore: { vi: '{field} không được trước ngày {0}', en: '{field} cannot be before {0}' },
    proceedsOnlyWhenSold: {
      vi: 'Chỉ bán hoặc thanh lý mới có {field}',
      en: 'Only a sale or a liquidation has {field}',
    },
    countNotNatural: { vi: '{field} phải là số nguyên không âm', en: '{field} must be a whole number, 0 or more' },
    fixedAssetCountedTwice: {
      vi: 'Tài sản cố định chỉ đếm 0 hoặc 1; tài sản thứ hai tìm thấy hãy ghi là tài sản thừa',
      en: 'A fixed asset counts 0 or 1; a second one found is recorded as a surplus',
    },

    // — part H: reporting —
  },
  fields: {
    // — part B: register —
    categoryCode: { vi: 'Danh mục tài sản', en: 'Asset category' },
    assetClass: { vi: 'Nhóm tài sản', en: 'Asset class' },
    quantity: { vi: 'Số lượng', en: 'Quantity' },
    unit: { vi: 'Đơn vị tính', en: 'Unit' },
    unitCost: { vi: 'Đơn giá', en: 'Unit cost' },
    fundingSource: { vi: 'Nguồn hình thành', en: 'Funding source' },
    inUseOn: { vi: 'Ngày đưa vào sử dụng', en: 'Date put into use' },
    documentNumber: { vi: 'Số chứng từ', en: 'Document number' },
    documentDate: { vi: 'Ngày chứng từ', en: 'Document date' },
    locationId: { vi: 'Vị trí', en: 'Location' },
    responsible: { vi: 'Người sử dụng, quản lý', en: 'Person responsible' },
    condition: { vi: 'Tình trạng', en: 'Condition' },
    openingWear: { vi: 'Hao mòn lũy kế đầu kỳ', en: 'Opening wear' },
    openingWearYear: { vi: 'Năm tính hao mòn đầu kỳ', en: 'Year of the opening wear' },
    newCost: { vi: 'Nguyên giá mới', en: 'New cost' },
    building: { vi: 'Nhà, khu', en: 'Building' },
    file: { vi: 'Tệp', en: 'File' },

    // — part A: wear —
    rateBasisPoints: { vi: 'Tỷ lệ hao mòn', en: 'Wear rate' },
    lifeYears: { vi: 'Thời gian sử dụng', en: 'Useful life' },
    fixedAssetThreshold: { vi: 'Ngưỡng tài sản cố định', en: 'Fixed-asset threshold' },

    // — part C: excel and print —
    ids: { vi: 'Tài sản', en: 'Assets' },

    // — part D: movements and inventory —
    borrower: { vi: 'Người, đơn vị mượn', en: 'Borrower' },
    lentOn: { vi: 'Ngày cho mượn', en: 'Lent on' },
    dueOn: { vi: 'Hạn trả', en: 'Due on' },
    returnedOn: { vi: 'Ngày trả', en: 'Returned on' },
    method: { vi: 'Hình thức xử lý', en: 'Method' },
    decisionDate: { vi: 'Ngày quyết định', en: 'Decision date' },
    disposedOn: { vi: 'Ngày xử lý', en: 'Disposed on' },
    proceeds: { vi: 'Số tiền thu được', en: 'Proceeds' },
    costs: { vi: 'Chi phí xử lý', en: 'Costs' },
    countedQuantity: { vi: 'Số lượng thực tế', en: 'Counted quantity' },
    description: { vi: 'Mô tả', en: 'Description' },
    committee: { vi: 'Hội đồng kiểm kê', en: 'Committee' },
    countDate: { vi: 'Thời điểm kiểm kê', en: 'Count date' },
    title: { vi: 'Tiêu đề', en: 'Title' },

    // — part H: reporting —
  },
};
