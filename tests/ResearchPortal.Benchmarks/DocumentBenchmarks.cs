using BenchmarkDotNet.Attributes;
using ResearchPortal.Web.Documents.Certificates;
using ResearchPortal.Web.Documents.Certificates.Signing;
using ResearchPortal.Web.Documents.Exports;
using ResearchPortal.Web.Documents.Fonts;
using ResearchPortal.Web.Documents.Forms;

namespace ResearchPortal.Benchmarks;

/// <summary>Annex 4 as PDF. Target: 1,000 trainees ≤ 300 ms.</summary>
public class RosterPdfBenchmark
{
    private readonly PdfFontOptions _fonts = new();
    private SampleRoster _roster = null!;

    [Params(1_000, 10_000)]
    public int Trainees { get; set; }

    [GlobalSetup]
    public void Setup() => _roster = SampleRoster.Create(Trainees);

    [Benchmark]
    public int Render() =>
        RosterPdf.Render(_roster.Project, _roster.Host, _roster.Filing, _roster.Entries, SampleRoster.Today, _fonts).Length;
}

/// <summary>Annex 4 as XLSX into a sink. Target: 10,000 trainees ≤ 600 ms with flat memory.</summary>
public class RosterXlsxBenchmark
{
    private SampleRoster _roster = null!;

    [Params(10_000, 100_000)]
    public int Trainees { get; set; }

    [GlobalSetup]
    public void Setup() => _roster = SampleRoster.Create(Trainees);

    [Benchmark]
    public void Write() => RosterSheet.Write(Stream.Null, _roster.Project, _roster.Host, _roster.Filing, _roster.Entries, SampleRoster.Today);
}

/// <summary>结业证书 of a whole project as one signed PDF. Target: 500 certificates ≤ 3 s.</summary>
public class CertificatesPdfBenchmark
{
    private IReadOnlyList<IssuedCertificate> _certificates = [];

    [Params(500, 5_000)]
    public int Certificates { get; set; }

    [GlobalSetup]
    public void Setup() => _certificates = SampleCertificates.Create(Certificates);

    [Benchmark]
    public int Render() => CertificatePdf.Render(_certificates, SampleCertificates.BaseUrl, new PdfFontOptions(), SampleCertificates.Signer).Length;
}

/// <summary>
/// 结业证书 as a ZIP of one signed PDF each, written to a sink as the download page streams it. Target: 500 certificates ≤ 6 s.
/// One size only: at 5,000 one operation takes over two minutes on the busy shared machine, longer than the in-process
/// toolchain allows a benchmark.
/// </summary>
public class CertificatesZipBenchmark
{
    private IReadOnlyList<IssuedCertificate> _certificates = [];

    [Params(500)]
    public int Certificates { get; set; }

    [GlobalSetup]
    public void Setup() => _certificates = SampleCertificates.Create(Certificates);

    [Benchmark]
    public Task Write() =>
        new CertificatePdf(SampleCertificates.BaseUrl, new PdfFontOptions(), SampleCertificates.Signer).WriteZipAsync(_certificates, Stream.Null, CancellationToken.None);
}

/// <summary>The certificates of a <see cref="SampleRoster"/>, every trainee passed and numbered, and a signer like the
/// portal's (a generated signing certificate), so the figures include the signature each file carries.</summary>
public static class SampleCertificates
{
    public const string BaseUrl = "https://portal.example.cn";

    public static readonly CertificateSigner Signer =
        new(new SigningCertificate(SigningCertificate.Generate("CN=Benchmark", DateTimeOffset.UtcNow)), TimeProvider.System);

    public static IReadOnlyList<IssuedCertificate> Create(int count)
    {
        var roster = SampleRoster.Create(count);
        return
        [
            .. roster.Entries.Select(entry => new IssuedCertificate
            {
                RosterEntryId = entry.Id,
                PlanProjectId = roster.Project.Id,
                Sequence = entry.Sequence,
                Number = entry.CertificateNumber!,
                HolderName = entry.Name,
                Hours = entry.CompletedHours,
                ProjectName = roster.Project.Name,
                ProjectNumber = roster.Project.ProjectNumber,
                Dates = roster.Filing.Dates,
                ApplicantName = roster.Applicant.Name,
                HostName = roster.Host.Name,
            }),
        ];
    }
}
