using System.IO.Compression;
using ResearchPortal.Domain.Roster;
using ResearchPortal.Web.Documents.Certificates;
using UglyToad.PdfPig;
using static ResearchPortal.Web.Tests.Documents.Forms.FormSamples;

namespace ResearchPortal.Web.Tests.Documents.Forms;

public class CertificatePdfTests
{
    /// <summary>Inside the double border (the inner rule is 30 pt in from the edge).</summary>
    private const double FrameInset = 30;

    [Fact]
    public void Each_certificate_is_one_page_with_its_holder_number_project_seal_areas_and_qr_code()
    {
        var certificates = Roster(3).Select(Certificate).ToList();

        var pdf = CertificatePdf.Render(certificates, BaseUrl, Fonts);

        using var document = PdfDocument.Open(pdf);
        Assert.Equal(3, document.NumberOfPages);
        foreach (var (page, certificate) in document.GetPages().Zip(certificates))
        {
            var text = Compact(page.Text);
            AssertContainsAll(text,
                "结业证书", $"{certificate.HolderName}同志：", $"证书编号：{certificate.Number}", Project.Name, Project.ProjectNumber,
                "2025年9月15日至2025年9月19日", "完成研修学时24学时", $"申报单位：{Applicant.Name}", $"承办单位：{Host.Name}", "2025年9月19日");
            // One seal area for the applicant unit and one for the host unit.
            Assert.Equal(2, text.Split(CertificatePdf.SealLabel).Length - 1);
            // The QR code is drawn as filled squares (vector), not embedded as an image.
            Assert.Empty(page.GetImages());
            Assert.Contains(page.Paths, path => path.IsFilled);
        }
        Assert.Equal("", PdfTools.QpdfProblems(pdf));
        Assert.True(new FileInfo(PdfTools.RenderPages(pdf, "certificate")[0]).Length > 0);
    }

    [Fact]
    public void The_qr_link_prefills_the_number_only()
    {
        Assert.Equal("https://portal.example.cn/Verify?number=SDGY2025-037-001", CertificatePdf.VerificationLink(BaseUrl + "/", "SDGY2025-037-001"));
    }

    /// <summary>𠮷 (CJK Extension B, from the fallback font), 䶮 (Extension A) and 龘 (WenQuanYi), all a full em wide.</summary>
    [Theory]
    [InlineData("𠮷")]
    [InlineData("䶮")]
    [InlineData("龘")]
    public void The_longest_name_a_roster_allows_shrinks_onto_one_line_of_one_page(string character)
    {
        // Built through the domain, so this is a name the roster accepts (RosterEntry.TextMaxLength characters).
        var name = string.Concat(Enumerable.Repeat(character, RosterEntry.TextMaxLength));
        var certificate = Certificate(Roster(1, names: [name])[0]);

        var pdf = new CertificatePdf(BaseUrl, Fonts).RenderFile(certificate);

        using var document = PdfDocument.Open(pdf);
        var page = Assert.Single(document.GetPages());
        var letters = page.Letters.Where(letter => letter.Value == character).ToList();
        Assert.Equal(RosterEntry.TextMaxLength, letters.Count);
        Assert.Single(letters.Select(letter => Math.Round(letter.StartBaseLine.Y, 1)).Distinct());
        Assert.All(letters, letter => Assert.InRange(letter.BoundingBox.Left, FrameInset, page.Width - FrameInset));
        Assert.All(letters, letter => Assert.InRange(letter.BoundingBox.Right, FrameInset, page.Width - FrameInset));
        Assert.Contains(name + "同志：", PdfTools.Text(pdf));
        Assert.Equal("", PdfTools.QpdfProblems(pdf));
        PdfTools.RenderPages(pdf, $"certificate-longest-name-{char.ConvertToUtf32(character, 0):X}");
    }

    [Fact]
    public void The_longest_project_and_unit_names_get_smaller_text_rather_than_a_second_page()
    {
        var certificate = Certificate(Roster(1)[0]) with
        {
            ProjectName = new string('项', Domain.Plans.PlanProject.NameMaxLength),
            ApplicantName = new string('申', Domain.Organizations.Organization.NameMaxLength),
            HostName = new string('承', Domain.Organizations.Organization.NameMaxLength),
        };

        var pdf = new CertificatePdf(BaseUrl, Fonts).RenderFile(certificate);

        using var document = PdfDocument.Open(pdf);
        var page = Assert.Single(document.GetPages());
        Assert.All(page.Letters, letter => Assert.InRange(letter.StartBaseLine.Y, FrameInset, page.Height - FrameInset));
        AssertContainsAll(PdfTools.Text(pdf),
            certificate.ProjectName, $"申报单位：{certificate.ApplicantName}", $"承办单位：{certificate.HostName}", "准予结业", "特发此证");
        PdfTools.RenderPages(pdf, "certificate-longest-project-and-units");
    }

    [Fact]
    public async Task Zip_holds_one_valid_single_page_pdf_per_passed_trainee_named_by_number_and_name()
    {
        var certificates = Roster(6, passedEvery: 2).Where(e => e.Passed).Select(Certificate).ToList();
        using var output = new MemoryStream();

        await new CertificatePdf(BaseUrl, Fonts).WriteZipAsync(certificates, output, CancellationToken.None);

        output.Position = 0;
        using var zip = new ZipArchive(output);
        Assert.Equal(certificates.Select(c => $"{c.Number}-{c.HolderName}.pdf"), zip.Entries.Select(e => e.FullName));
        foreach (var (entry, certificate) in zip.Entries.Zip(certificates))
        {
            using var content = new MemoryStream();
            entry.Open().CopyTo(content);
            Assert.Contains(certificate.Number, Assert.Single(PageTexts(content.ToArray())));
            Assert.Equal("", PdfTools.QpdfProblems(content.ToArray()));
        }
    }

    [Fact]
    public void Five_hundred_certificates_make_one_file_of_500_pages()
    {
        var certificates = Roster(500).Select(Certificate).ToList();

        using var document = PdfDocument.Open(CertificatePdf.Render(certificates, BaseUrl, Fonts));

        Assert.Equal(500, document.NumberOfPages);
        Assert.Contains(certificates[^1].Number, Compact(document.GetPage(500).Text));
    }
}
