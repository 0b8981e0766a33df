using PdfSharp.Drawing;
using PdfSharp.Fonts;

namespace ResearchPortal.Web.Documents.Fonts;

/// <summary>
/// Serves one Chinese TrueType face (WenQuanYi Micro Hei by default) for every family PDFsharp asks for.
/// Noto CJK is deliberately absent from the search list: its CFF outlines break PDFsharp.
/// </summary>
public sealed class CjkFontResolver : IFontResolver
{
    /// <summary>The family name the document writers request.</summary>
    public const string FamilyName = "WenQuanYi Micro Hei";

    private const string FaceName = "CjkFace0";

    /// <summary>Where the font is looked for when <see cref="PdfFontOptions.FontPath"/> is not set or not found.</summary>
    public static readonly IReadOnlyList<string> SystemFontPaths =
    [
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
        "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
        @"C:\Windows\Fonts\msyh.ttc",
        @"C:\Windows\Fonts\simsun.ttc",
    ];

    private static readonly Lock RegistrationLock = new();
    private static volatile CjkFontResolver? registered;

    private readonly IReadOnlyList<string> searchPaths;
    private readonly Lazy<byte[]> fontData;

    /// <param name="options">The configured font path, tried first.</param>
    /// <param name="systemPaths">The fallback locations; <see cref="SystemFontPaths"/> when null.</param>
    public CjkFontResolver(PdfFontOptions options, IReadOnlyList<string>? systemPaths = null)
    {
        systemPaths ??= SystemFontPaths;
        searchPaths = string.IsNullOrWhiteSpace(options.FontPath) ? systemPaths : [options.FontPath, .. systemPaths];
        fontData = new Lazy<byte[]>(LoadFont, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>
    /// Installs a resolver as PDFsharp's process-wide font resolver, once; later calls return the first one
    /// (PDFsharp allows setting it only once). Safe to call from every export.
    /// </summary>
    /// <exception cref="PdfFontMissingException">No usable font; nothing is installed, so a later call can succeed.</exception>
    public static CjkFontResolver EnsureRegistered(PdfFontOptions options)
    {
        if (registered is { } current)
            return current;
        lock (RegistrationLock)
        {
            if (registered is null)
            {
                var resolver = new CjkFontResolver(options);
                resolver.LoadFontData();
                GlobalFontSettings.FontResolver = resolver;
                registered = resolver;
            }
            return registered;
        }
    }

    /// <summary>The standalone TrueType data of the face in use, loaded once.</summary>
    /// <exception cref="PdfFontMissingException">No usable font in the search list.</exception>
    public byte[] LoadFontData() => fontData.Value;

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(FaceName, bold ? XStyleSimulations.BoldSimulation : XStyleSimulations.None);

    public byte[] GetFont(string faceName) => LoadFontData();

    private byte[] LoadFont()
    {
        var path = searchPaths.FirstOrDefault(File.Exists) ?? throw PdfFontMissingException.NotFound(searchPaths);
        try
        {
            return TrueTypeCollection.ExtractFirstFace(File.ReadAllBytes(path));
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            throw PdfFontMissingException.Unusable(path, e.Message);
        }
    }
}
