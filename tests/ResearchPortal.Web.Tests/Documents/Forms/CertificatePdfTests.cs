using System.IO.Compression;
using ResearchPortal.Web.Documents.Certificates;
using UglyToad.PdfPig;
using static ResearchPortal.Web.Tests.Documents.Forms.FormSamples;

namespace ResearchPortal.Web.Tests.Documents.Forms;

public class CertificatePdfTests
{
    [Fact]
    public void Each_certificate_is_one_page_with_its_holder_number_project_and_qr_code()
    {
        var certificates = Roster(3).Select(Certificate).ToList();

        var pdf = CertificatePdf.Render(certificates, BaseUrl, Fonts);

        using var document = PdfDocument.Open(pdf);
        Assert.Equal(3, document.NumberOfPages);
        foreach (var (page, certificate) in document.GetPages().Zip(certificates))
        {
            AssertContainsAll(Compact(page.Text),
                "结业证书", certificate.HolderName, $"证书编号：{certificate.Number}", Project.Name, Project.ProjectNumber,
                "2025年9月15日至2025年9月19日", "完成研修学时24学时", $"申报单位：{Applicant.Name}", $"承办单位：{Host.Name}", "2025年9月19日");
            // The QR code is drawn as filled squares (vector), not embedded as an image.
            Assert.Empty(page.GetImages());
            Assert.Contains(page.Paths, path => path.IsFilled);
        }
    }

    [Fact]
    public void The_qr_link_prefills_the_number_only()
    {
        Assert.Equal("https://portal.example.cn/Verify?number=SDGY2025-037-001", CertificatePdf.VerificationLink(BaseUrl + "/", "SDGY2025-037-001"));
    }

    [Fact]
    public void Zip_holds_one_pdf_per_passed_trainee_named_by_number_and_name()
    {
        var certificates = Roster(6, passedEvery: 2).Where(e => e.Passed).Select(Certificate).ToList();

        using var zip = new ZipArchive(new MemoryStream(CertificatePdf.RenderZip(certificates, BaseUrl, Fonts)));

        Assert.Equal(certificates.Select(c => $"{c.Number}-{c.HolderName}.pdf"), zip.Entries.Select(e => e.FullName));
        foreach (var (entry, certificate) in zip.Entries.Zip(certificates))
        {
            using var content = new MemoryStream();
            entry.Open().CopyTo(content);
            Assert.Contains(certificate.Number, Assert.Single(PageTexts(content.ToArray())));
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
