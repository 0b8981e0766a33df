namespace ResearchPortal.Web.Documents.Fonts;

/// <summary>Settings of the "Pdf" configuration section.</summary>
public sealed class PdfFontOptions
{
    public const string SectionName = "Pdf";

    /// <summary>Path of a TrueType font (.ttf) or collection (.ttc) with Chinese glyphs; tried before the system locations.</summary>
    public string? FontPath { get; set; }
}
