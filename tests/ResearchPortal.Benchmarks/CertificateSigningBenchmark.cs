using BenchmarkDotNet.Attributes;
using ResearchPortal.Web.Documents.Certificates;
using ResearchPortal.Web.Documents.Certificates.Signing;
using ResearchPortal.Web.Documents.Fonts;

namespace ResearchPortal.Benchmarks;

/// <summary>
/// The cost of the signature alone (<see cref="CertificateSigner.Sign"/> on a finished PDF) with the generated ECDSA
/// P-256 certificate: one holder's certificate, as in the single download and each ZIP entry, and the project's one
/// file of all certificates, signed once.
/// </summary>
public class CertificateSigningBenchmark
{
    private readonly CertificateSigner _signer =
        new(new SigningCertificate(SigningCertificate.Generate("CN=Benchmark", DateTimeOffset.UtcNow)), TimeProvider.System);

    private IReadOnlyList<IssuedCertificate> _certificates = [];
    private byte[] _unsigned = [];

    [Params(1, 500)]
    public int Certificates { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _certificates = SampleCertificates.Create(Certificates);
        _unsigned = CertificatePdf.Render(_certificates, SampleCertificates.BaseUrl, new PdfFontOptions());
    }

    [Benchmark]
    public int Sign() => SampleCertificates.Signer.Sign(_unsigned, _certificates).Length;
}
