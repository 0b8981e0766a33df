using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Annotations;
using PdfSharp.Pdf.IO;
using PdfSharp.Pdf.Signatures;

namespace ResearchPortal.Web.Documents.Certificates.Signing;

/// <summary>
/// Signs a finished certificate PDF, PAdES baseline B-B: an invisible signature field on the first page whose CMS
/// (detached, SHA-256, with the ESS signing-certificate-v2 attribute and the signer's certificate) covers the whole
/// file but the signature itself, SubFilter ETSI.CAdES.detached, the signing time in /M (never inside the CMS).
/// The certificates the file states (number and holder) go into its document information as
/// <see cref="ContentsKey"/>, under the signature, so <see cref="SignedCertificateCheck"/> can name them.
/// </summary>
public sealed class CertificateSigner(SigningCertificate signingCertificate)
{
    /// <summary>Document information entry listing "number\tholder" per certificate, one a line.</summary>
    public const string ContentsKey = "/ResearchPortalCertificates";

    private const string AppName = "ResearchPortal";

    // PDFsharp 6.2.4 writes only this SubFilter; PAdES needs the other, a name of the same length, so it is
    // replaced in the written file before the digest is taken.
    private static readonly byte[] PdfSharpSubFilter = "/SubFilter/adbe.pkcs7.detached"u8.ToArray();
    private static readonly byte[] PadesSubFilter = "/SubFilter/ETSI.CAdES.detached"u8.ToArray();

    // The CMS of any content has the size of any other (only the digest differs, not its length); ECDSA's DER
    // signature varies by a few bytes, which the margin covers.
    private int? _signatureSize;

    /// <summary>The PDF with the signature; <paramref name="certificates"/> are those it shows.</summary>
    public byte[] Sign(byte[] pdf, IEnumerable<IssuedCertificate> certificates)
    {
        var contents = string.Join('\n', certificates.Select(c => $"{c.Number}\t{c.HolderName}"));
        using var input = new MemoryStream(pdf, writable: false);
        using var document = PdfReader.Open(input, PdfDocumentOpenMode.Modify);
        document.Options.NoCompression = true; // keep the streams exactly as PdfFileOutput wrote them
        document.Info.Elements[ContentsKey] = new PdfString(contents, PdfStringEncoding.Unicode);
        using var output = new MemoryStream(pdf.Length + 16 * 1024);
        var certificate = signingCertificate.Current;
        var signer = new PadesSigner(certificate, output, _signatureSize ??= Cms(certificate, [0]).Length + 64);
        DigitalSignatureHandler.ForDocument(document, signer, new DigitalSignatureOptions
        {
            AppName = AppName,
            Reason = string.Empty,
            Location = string.Empty,
            AppearanceHandler = new NoAppearance(),
        });
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    /// <summary>Invisible signature: nothing drawn.</summary>
    private sealed class NoAppearance : IAnnotationAppearanceHandler
    {
        public void DrawAppearance(XGraphics gfx, XRect rect)
        {
        }
    }

    private sealed class PadesSigner(X509Certificate2 certificate, MemoryStream written, int signatureSize) : IDigitalSigner
    {
        public string CertificateName => certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);

        public Task<int> GetSignatureSizeAsync() => Task.FromResult(signatureSize);

        public Task<byte[]> GetSignatureAsync(Stream signedRanges)
        {
            UsePadesSubFilter();
            signedRanges.Position = 0;
            var content = new byte[signedRanges.Length];
            signedRanges.ReadExactly(content);
            return Task.FromResult(Cms(certificate, content));
        }

        private void UsePadesSubFilter()
        {
            var buffer = written.GetBuffer().AsSpan(0, (int)written.Length);
            var at = buffer.LastIndexOf(PdfSharpSubFilter);
            if (at < 0)
            {
                throw new InvalidOperationException("PDFsharp wrote no /SubFilter/adbe.pkcs7.detached to replace.");
            }

            PadesSubFilter.CopyTo(buffer[at..]);
        }
    }

    private static byte[] Cms(X509Certificate2 certificate, byte[] content)
    {
        var cms = new SignedCms(new ContentInfo(content), detached: true);
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, certificate)
        {
            DigestAlgorithm = new Oid("2.16.840.1.101.3.4.2.1"), // SHA-256
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        signer.SignedAttributes.Add(SigningCertificateV2(certificate));
        cms.ComputeSignature(signer, silent: true);
        return cms.Encode();
    }

    /// <summary>ESS signing-certificate-v2 (RFC 5035) naming the signer's certificate by its SHA-256 hash, as PAdES requires.</summary>
    private static AsnEncodedData SigningCertificateV2(X509Certificate2 certificate)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence()) // SigningCertificateV2
        using (writer.PushSequence()) // certs
        using (writer.PushSequence()) // ESSCertIDv2, hashAlgorithm left at its default SHA-256
        {
            writer.WriteOctetString(SHA256.HashData(certificate.RawData));
        }

        return new AsnEncodedData("1.2.840.113549.1.9.16.2.47", writer.Encode());
    }
}
