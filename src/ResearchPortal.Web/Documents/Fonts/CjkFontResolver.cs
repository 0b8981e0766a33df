using PdfSharp.Drawing;
using PdfSharp.Fonts;

namespace ResearchPortal.Web.Documents.Fonts;

/// <summary>
/// Serves the Chinese TrueType faces of the PDFs: WenQuanYi Micro Hei (or the configured font) for every family
/// PDFsharp asks for, then the fallback chain (HanaMinA for CJK Extension A, HanaMinB for Extensions B–F) that the
/// PDF writer picks per character when the first face lacks it.
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

    /// <summary>The fonts tried, in order, for characters the main face lacks (Debian's fonts-hanazono).</summary>
    public static readonly IReadOnlyList<FallbackFont> FallbackFonts =
    [
        new("HanaMinA", "/usr/share/fonts/truetype/hanazono/HanaMinA.ttf"),
        new("HanaMinB", "/usr/share/fonts/truetype/hanazono/HanaMinB.ttf"),
    ];

    private static readonly Lock RegistrationLock = new();
    private static volatile CjkFontResolver? _registered;

    private readonly IReadOnlyList<string> _searchPaths;
    private readonly IReadOnlyList<FallbackFont> _fallbackFonts;
    private readonly Lazy<byte[]> _fontData;
    private readonly Lazy<IReadOnlyList<ChainedFont>> _chain;

    /// <param name="options">The configured font path, tried first.</param>
    /// <param name="systemPaths">The locations of the main face tried next; <see cref="SystemFontPaths"/> when null.</param>
    /// <param name="fallbackFonts">The fallback chain; <see cref="FallbackFonts"/> when null. Missing files are skipped.</param>
    public CjkFontResolver(PdfFontOptions options, IReadOnlyList<string>? systemPaths = null, IReadOnlyList<FallbackFont>? fallbackFonts = null)
    {
        systemPaths ??= SystemFontPaths;
        _searchPaths = string.IsNullOrWhiteSpace(options.FontPath) ? systemPaths : [options.FontPath, .. systemPaths];
        _fallbackFonts = fallbackFonts ?? FallbackFonts;
        _fontData = new Lazy<byte[]>(LoadFont, LazyThreadSafetyMode.ExecutionAndPublication);
        _chain = new Lazy<IReadOnlyList<ChainedFont>>(LoadChain, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The resolver installed by <see cref="EnsureRegistered"/>.</summary>
    internal static CjkFontResolver Registered => _registered ?? throw new InvalidOperationException("The CJK font resolver is not registered.");

    /// <summary>The main face followed by the fallback fonts found on this machine, each with the characters it covers.</summary>
    internal IReadOnlyList<ChainedFont> Chain => _chain.Value;

    /// <summary>
    /// Installs a resolver as PDFsharp's process-wide font resolver, once; later calls return the first one
    /// (PDFsharp allows setting it only once). Safe to call from every export.
    /// </summary>
    /// <exception cref="PdfFontMissingException">No usable font; nothing is installed, so a later call can succeed.</exception>
    public static CjkFontResolver EnsureRegistered(PdfFontOptions options)
    {
        if (_registered is { } current)
        {
            return current;
        }

        lock (RegistrationLock)
        {
            if (_registered is null)
            {
                var resolver = new CjkFontResolver(options);
                _ = resolver.Chain;
                GlobalFontSettings.FontResolver = resolver;
                _registered = resolver;
            }
            return _registered;
        }
    }

    /// <summary>The standalone TrueType data of the face in use, loaded once.</summary>
    /// <exception cref="PdfFontMissingException">No usable font in the search list.</exception>
    public byte[] LoadFontData() => _fontData.Value;

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(IsFallback(familyName) ? familyName : FaceName, bold ? XStyleSimulations.BoldSimulation : XStyleSimulations.None);

    public byte[] GetFont(string faceName) =>
        faceName == FaceName ? LoadFontData() : Chain.FirstOrDefault(f => f.FamilyName == faceName)?.Data ?? LoadFontData();

    private bool IsFallback(string familyName) => _fallbackFonts.Any(f => f.FamilyName == familyName);

    private IReadOnlyList<ChainedFont> LoadChain()
    {
        var main = LoadFontData();
        List<ChainedFont> fonts = [new(FamilyName, main, ReadCmap(main, _searchPaths.First(File.Exists)))];
        foreach (var fallback in _fallbackFonts.Where(f => File.Exists(f.Path)))
        {
            var data = ReadFont(fallback.Path);
            fonts.Add(new ChainedFont(fallback.FamilyName, data, ReadCmap(data, fallback.Path)));
        }
        return fonts;
    }

    private static TrueTypeCmap ReadCmap(byte[] font, string path)
    {
        try
        {
            return TrueTypeCmap.Read(font);
        }
        catch (InvalidDataException e)
        {
            throw PdfFontMissingException.Unusable(path, e.Message);
        }
    }

    private byte[] LoadFont()
    {
        var path = _searchPaths.FirstOrDefault(File.Exists) ?? throw PdfFontMissingException.NotFound(_searchPaths);
        return ReadFont(path);
    }

    private static byte[] ReadFont(string path)
    {
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

/// <summary>A font tried for characters the main face lacks.</summary>
public sealed record FallbackFont(string FamilyName, string Path);

/// <summary>A loaded font of the chain: its family name for XFont, its data and the characters it has glyphs for.</summary>
internal sealed record ChainedFont(string FamilyName, byte[] Data, TrueTypeCmap Cmap);
