using System.Buffers.Binary;
using PdfSharp.Fonts;
using ResearchPortal.Web.Documents.Fonts;

namespace ResearchPortal.Web.Tests.Documents;

public class CjkFontResolverTests
{
    [Fact]
    public void Missing_font_is_reported_in_Chinese_with_the_package_to_install()
    {
        var resolver = new CjkFontResolver(new PdfFontOptions { FontPath = "/nonexistent/bogus.ttc" }, systemPaths: []);

        var error = Assert.Throws<PdfFontMissingException>(resolver.LoadFontData);

        Assert.Contains("未找到中文字体", error.Message);
        Assert.Contains("/nonexistent/bogus.ttc", error.Message);
        Assert.Contains("apt-get install fonts-wqy-microhei", error.Message);
        Assert.Contains("Pdf:FontPath", error.Message);
    }

    [Fact]
    public void Registration_is_idempotent_across_threads()
    {
        var resolvers = new CjkFontResolver[16];

        Parallel.For(0, resolvers.Length, i => resolvers[i] = CjkFontResolver.EnsureRegistered(new PdfFontOptions()));

        Assert.All(resolvers, r => Assert.Same(resolvers[0], r));
        Assert.Same(resolvers[0], GlobalFontSettings.FontResolver);
    }

    [Fact]
    public void Cff_font_is_refused_rather_than_handed_to_PDFsharp()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, [.. "OTTO"u8, .. new byte[64]]);
            var resolver = new CjkFontResolver(new PdfFontOptions { FontPath = path }, systemPaths: []);

            var error = Assert.Throws<PdfFontMissingException>(resolver.LoadFontData);

            Assert.Contains("CFF", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Face_0_of_a_collection_becomes_a_standalone_TrueType_font()
    {
        var collection = CjkFontResolver.SystemFontPaths.First(File.Exists);
        var font = new CjkFontResolver(new PdfFontOptions { FontPath = collection }, systemPaths: []).LoadFontData();

        Assert.Equal(0x00010000u, BinaryPrimitives.ReadUInt32BigEndian(font));
        int tables = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        var tags = new List<string>();
        for (var i = 0; i < tables; i++)
        {
            var record = font.AsSpan(12 + i * 16);
            var offset = BinaryPrimitives.ReadUInt32BigEndian(record[8..]);
            var length = BinaryPrimitives.ReadUInt32BigEndian(record[12..]);
            Assert.True(offset % 4 == 0 && offset + length <= font.Length, $"table {i} lies outside the extracted font");
            tags.Add(System.Text.Encoding.ASCII.GetString(record[..4]));
        }
        Assert.Contains("glyf", tags);
        Assert.Contains("cmap", tags);
    }

    /// <summary>CJK ideograph blocks as assigned in Unicode 10.0, the repertoire of HanaMin A/B.</summary>
    public static TheoryData<string, int, int> IdeographBlocks => new()
    {
        { "CJK Unified Ideographs", 0x4E00, 0x9FEA },
        { "Extension A", 0x3400, 0x4DB5 },
        { "Extension B", 0x20000, 0x2A6D6 },
        { "Extension C", 0x2A700, 0x2B734 },
        { "Extension D", 0x2B740, 0x2B81D },
        { "Extension E", 0x2B820, 0x2CEA1 },
        { "Extension F", 0x2CEB0, 0x2EBE0 },
    };

    [Theory]
    [MemberData(nameof(IdeographBlocks))]
    public void The_font_chain_has_a_glyph_for_every_ideograph_of_each_block(string block, int first, int last)
    {
        var chain = CjkFontResolver.EnsureRegistered(new PdfFontOptions()).Chain;

        var missing = Enumerable.Range(first, last - first + 1).Where(c => !chain.Any(font => font.Cmap.Contains(c))).ToList();

        Assert.True(missing.Count == 0, $"{block}: no glyph for {string.Join(", ", missing.Take(10).Select(c => $"U+{c:X4}"))}");
    }

    [Fact]
    public void The_chain_is_WenQuanYi_then_HanaMinA_then_HanaMinB_and_common_characters_stay_in_the_first()
    {
        var chain = CjkFontResolver.EnsureRegistered(new PdfFontOptions()).Chain;

        Assert.Equal([CjkFontResolver.FamilyName, "HanaMinA", "HanaMinB"], chain.Select(f => f.FamilyName));
        Assert.All("山东省高级研修项目备案表，（盖章）2025年ABC", c => Assert.True(chain[0].Cmap.Contains(c), $"{c} not in WenQuanYi"));
        Assert.False(chain[0].Cmap.Contains(0x4DAE));
        Assert.False(chain[0].Cmap.Contains(0x20BB7));
    }
}
