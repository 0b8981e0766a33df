using System.Formats.Asn1;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using ResearchPortal.Domain.Common;

namespace ResearchPortal.Web.Documents.Certificates.Signing;

/// <summary>
/// Signs a finished certificate PDF, PAdES baseline B-B, as an incremental update appended to the file (its bytes stay
/// as written): an invisible signature field on the first page whose CMS (detached, SHA-256, with the ESS
/// signing-certificate-v2 attribute and the signer's certificate) covers the whole file but the signature value,
/// SubFilter ETSI.CAdES.detached, the signing time in /M (never inside the CMS). The certificates the file states
/// (number and holder) go into its document information as <see cref="ContentsKey"/>, under the signature, so
/// <see cref="SignedCertificateCheck"/> can name them.
/// </summary>
public sealed class CertificateSigner(SigningCertificate signingCertificate, TimeProvider time)
{
    /// <summary>Document information entry listing "number\tholder" per certificate, one a line.</summary>
    public const string ContentsKey = "/ResearchPortalCertificates";

    // Room for "0 gapStart gapEnd tailLength" of a file up to 2 GB, filled in once the file is complete.
    private static readonly string ByteRangePlaceholder = new(' ', 3 * 11 + 1);

    // The CMS of any content has the size of any other (only the digest differs, not its length); ECDSA's DER
    // signature varies by a few bytes, which the margin covers.
    private int? _signatureSize;

    /// <summary>The PDF with the signature; <paramref name="certificates"/> are those it shows.</summary>
    public byte[] Sign(byte[] pdf, IEnumerable<IssuedCertificate> certificates)
    {
        var certificate = signingCertificate.Current;
        var hexLength = 2 * (_signatureSize ??= Cms(certificate, [0]).Length + 64);
        var update = PdfIncrementalUpdate.Of(pdf);

        var claims = ContentsKey + PdfIncrementalUpdate.TextString(string.Join('\n', certificates.Select(c => $"{c.Number}\t{c.HolderName}")));
        if (update.Info is { } info)
        {
            update.Set(info, PdfIncrementalUpdate.WithEntries(update.Dictionary(info), claims));
        }
        else
        {
            update.NewInfo($"<<{claims}>>");
        }

        var signature = update.Add(
            $"<</Type/Sig/Filter/Adobe.PPKLite/SubFilter/ETSI.CAdES.detached/M{PdfDate(time.GetUtcNow())}"
            + $"/ByteRange[{ByteRangePlaceholder}]/Contents<{new string('0', hexLength)}>>>");
        var page = update.FirstPage();
        var field = update.Add($"<</Type/Annot/Subtype/Widget/FT/Sig/T(Signature1)/F 132/Rect[0 0 0 0]/V {signature} 0 R/P {page} 0 R>>");
        update.Set(page, PdfIncrementalUpdate.WithEntries(Without(update.Dictionary(page), "/Annots"), $"/Annots[{field} 0 R]"));
        update.Set(update.Root, PdfIncrementalUpdate.WithEntries(Without(update.Dictionary(update.Root), "/AcroForm"), $"/AcroForm<</Fields[{field} 0 R]/SigFlags 3>>"));
        var signed = update.Write();

        var signatureObject = signed.AsSpan().LastIndexOf(Encoding.ASCII.GetBytes($"\n{signature} 0 obj\n"));
        var byteRangeAt = signatureObject + signed.AsSpan(signatureObject).IndexOf("/ByteRange["u8) + "/ByteRange[".Length;
        var gapStart = signatureObject + signed.AsSpan(signatureObject).IndexOf("/Contents<"u8) + "/Contents".Length;
        var gapEnd = gapStart + hexLength + 2;
        Encoding.ASCII.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"0 {gapStart} {gapEnd} {signed.Length - gapEnd}").PadRight(ByteRangePlaceholder.Length),
            signed.AsSpan(byteRangeAt));
        var value = Convert.ToHexString(Cms(certificate, [.. signed.AsSpan(0, gapStart), .. signed.AsSpan(gapEnd)]));
        Encoding.ASCII.GetBytes(value, signed.AsSpan(gapStart + 1));
        return signed;
    }

    /// <summary>The dictionary, refusing one that already has the entry the signature adds (PDFsharp writes none).</summary>
    private static string Without(string dictionary, string key) =>
        dictionary.Contains(key, StringComparison.Ordinal)
            ? throw new InvalidOperationException($"The certificate PDF already has {key}; the signature would replace it.")
            : dictionary;

    /// <summary>(D:20261130152900+08'00'): China time, as a reader shows it.</summary>
    private static string PdfDate(DateTimeOffset now)
    {
        var china = now.ToOffset(ChineseDate.ChinaOffset);
        return string.Create(CultureInfo.InvariantCulture, $"(D:{china:yyyyMMddHHmmss}+08'00')");
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
