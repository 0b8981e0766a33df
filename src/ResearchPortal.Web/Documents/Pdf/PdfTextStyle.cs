namespace ResearchPortal.Web.Documents.Pdf;

/// <summary>How a free line or paragraph is set; sizes in points.</summary>
public sealed record PdfTextStyle(double FontSize = 12, bool Bold = false, PdfAlign Align = PdfAlign.Left)
{
    /// <summary>First-line indent in characters (2 for Chinese body text).</summary>
    public double FirstLineIndentChars { get; init; }

    public double SpaceAfter { get; init; } = 4;

    /// <summary>Kept on one page with the first lines of what follows (headings).</summary>
    public bool KeepWithNext { get; init; }

    /// <summary>Line pitch as a multiple of the font's line height; the CJK face's own leading is tight for body text.</summary>
    public double LineSpacing { get; init; } = 1.2;

    public static PdfTextStyle Title { get; } = new(18, true, PdfAlign.Center) { SpaceAfter = 10, LineSpacing = 1.1 };

    public static PdfTextStyle Subtitle { get; } = new(14, false, PdfAlign.Center) { SpaceAfter = 8 };

    public static PdfTextStyle Body { get; } = new();

    public static PdfTextStyle Heading { get; } = new(12, true) { SpaceAfter = 6, KeepWithNext = true };

    public static PdfTextStyle IndentedBody { get; } = new() { FirstLineIndentChars = 2 };
}

public enum PdfOrientation { Portrait, Landscape }

/// <summary>A4 page in the given orientation with equal margins.</summary>
public sealed record PdfPageSetup(PdfOrientation Orientation = PdfOrientation.Portrait, double MarginMillimetres = 20)
{
    public static PdfPageSetup Default { get; } = new();
}
