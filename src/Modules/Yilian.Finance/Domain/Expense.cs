using Yilian.SharedKernel.Data;

namespace Yilian.Finance.Domain;

internal enum ExpenseStatus
{
    Draft = 1,
    Submitted = 2,
    Approved = 3,
    Paid = 4,
    Rejected = 5,
}

/// <summary>
/// One expense of a project, drawn on a budget line and a fund. A paid expense is never edited: a correction is a reversing
/// entry (a negative amount pointing at the original), recorded as paid.
/// </summary>
internal sealed class Expense : IOrganizationScoped, IRegionScoped
{
    public Guid Id { get; set; }

    /// <summary>The organization's voucher number (凭证号), e.g. 2026-0042.</summary>
    public string Number { get; set; } = "";

    public Guid OrganizationId { get; set; }

    public string RegionCode { get; set; } = "";

    public Guid ProjectId { get; set; }

    public string ProjectName { get; set; } = "";

    public Guid BudgetId { get; set; }

    public string LineCode { get; set; } = "";

    /// <summary>The line's category when drafted (the abnormal-expense rule compares within a category).</summary>
    public string Category { get; set; } = "";

    public Guid FundId { get; set; }

    public DateOnly Date { get; set; }

    public decimal Amount { get; set; }

    public string Payee { get; set; } = "";

    public string Description { get; set; } = "";

    public Guid? ActivityId { get; set; }

    public ExpenseStatus Status { get; set; }

    public string? RejectReason { get; set; }

    /// <summary>Set on a reversing entry: the paid expense it corrects.</summary>
    public Guid? ReversesId { get; set; }

    /// <summary>Set on a paid expense once a reversing entry corrects it.</summary>
    public Guid? ReversedById { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public string? SubmittedBy { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }

    public string? ApprovedBy { get; set; }

    public DateTimeOffset? ApprovedAt { get; set; }

    public string? PaidBy { get; set; }

    public DateTimeOffset? PaidAt { get; set; }

    public string? RejectedBy { get; set; }

    public DateTimeOffset? RejectedAt { get; set; }

    public List<Receipt> Receipts { get; set; } = [];

    /// <summary>Counts against the budget: submitted (pending), approved and paid; drafts only for the person drafting.</summary>
    public bool Counts => Status is ExpenseStatus.Submitted or ExpenseStatus.Approved or ExpenseStatus.Paid;
}

/// <summary>A receipt of an expense: an image or PDF checked by its content and hashed; a 发票's number and amount when it is one.</summary>
internal sealed class Receipt : IOrganizationScoped, IRegionScoped
{
    public Guid Id { get; set; }

    public Guid ExpenseId { get; set; }

    public Guid OrganizationId { get; set; }

    public string RegionCode { get; set; } = "";

    public string FileName { get; set; } = "";

    public string ContentType { get; set; } = "";

    public long Size { get; set; }

    public string Sha256 { get; set; } = "";

    public string StorageKey { get; set; } = "";

    public string? InvoiceNumber { get; set; }

    public decimal? InvoiceAmount { get; set; }

    public DateTimeOffset UploadedAt { get; set; }
}
