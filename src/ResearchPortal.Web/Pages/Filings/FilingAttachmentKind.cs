using ResearchPortal.Domain.Filings;

namespace ResearchPortal.Web.Pages.Filings;

/// <summary>The two attachments of Annex 2, as named in download links.</summary>
public enum FilingAttachmentKind
{
    ImplementationPlan,
    Notice,
}

public static class FilingAttachmentKindExtensions
{
    public static AttachmentInfo? Of(this FilingAttachmentKind kind, Filing filing) => kind switch
    {
        FilingAttachmentKind.ImplementationPlan => filing.ImplementationPlan,
        FilingAttachmentKind.Notice => filing.Notice,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string Label(this FilingAttachmentKind kind) => kind switch
    {
        FilingAttachmentKind.ImplementationPlan => "实施方案",
        FilingAttachmentKind.Notice => "举办通知",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}

/// <summary>Model of <c>_AttachmentLink</c>: a stored attachment's name with its download link.</summary>
public sealed record AttachmentLinkView(Guid ProjectId, FilingAttachmentKind Kind, AttachmentInfo? Info);

/// <summary>Model of <c>_ExpertRow</c>; <paramref name="Index"/> is a number, or a placeholder in the row template.</summary>
public sealed record ExpertRowView(Guid ProjectId, string Index, ExpertSessionInput Row);
