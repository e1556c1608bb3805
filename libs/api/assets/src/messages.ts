import { MessageCatalogue } from '@emis/api/platform';

/**
 * The words of public assets, Vietnamese first; registered with platform's message lookup by the app. Each part of
 * the context keeps its own block, under its heading, in each of the three tables, so that additions never meet.
 */
export const ASSETS_MESSAGES: MessageCatalogue = {
  problems: {
    // — part B: register —

    // — part A: wear —

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

    // — part A: wear —

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

    // — part A: wear —

    // — part C: excel and print —

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
