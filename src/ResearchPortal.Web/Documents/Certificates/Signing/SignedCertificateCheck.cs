using System.Formats.Asn1;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace ResearchPortal.Web.Documents.Certificates.Signing;

/// <summary>What a signature check found.</summary>
public enum SignatureStatus
{
    /// <summary>No signature the check can read.</summary>
    Unsigned,

    /// <summary>Signed, but the file changed after signing (a byte altered, or something added after the signature).</summary>
    Altered,

    /// <summary>Intact, but signed with a certificate other than the portal's.</summary>
    SignedByAnother,

    /// <summary>Intact and signed by the portal.</summary>
    Valid,
}

/// <summary>A certificate a signed file states: its number and holder as printed.</summary>
public sealed record CertificateClaim(string Number, string HolderName);

/// <summary>The result: the status, and for a valid file the certificates it states and when it was signed.</summary>
public sealed record SignatureCheckResult(SignatureStatus Status, IReadOnlyList<CertificateClaim> Claims, DateTimeOffset? SignedAt = null)
{
    public static SignatureCheckResult Of(SignatureStatus status) => new(status, []);
}

/// <summary>
/// Checks a PDF the way <see cref="CertificateSigner"/> signs: the last /ByteRange must cover the whole file except
/// the /Contents hex string, that string must hold one CMS (then only zero padding), the CMS must verify over those
/// bytes, and its signer must be the portal's signing certificate. Only the raw bytes are read until then; the file
/// is parsed as a PDF (for the certificates it states) only once it is known to be the portal's own, untouched.
/// </summary>
public sealed partial class SignedCertificateCheck(SigningCertificate signingCertificate)
{
    public SignatureCheckResult Check(byte[] pdf)
    {
        if (SignedRange.Find(pdf) is not { } range)
        {
            return SignatureCheckResult.Of(SignatureStatus.Unsigned);
        }
        if (!range.CoversWholeFile(pdf.Length) || range.Cms(pdf) is not { } der)
        {
            return SignatureCheckResult.Of(SignatureStatus.Altered);
        }

        var cms = new SignedCms(new ContentInfo(range.SignedBytes(pdf)), detached: true);
        try
        {
            cms.Decode(der);
            cms.CheckSignature(verifySignatureOnly: true);
        }
        catch (CryptographicException)
        {
            return SignatureCheckResult.Of(SignatureStatus.Altered);
        }

        if (cms.SignerInfos.Count != 1 || cms.SignerInfos[0].Certificate is not { } signer
            || !signer.RawData.AsSpan().SequenceEqual(signingCertificate.Current.RawData))
        {
            return SignatureCheckResult.Of(SignatureStatus.SignedByAnother);
        }

        using var document = PdfReader.Open(new MemoryStream(pdf, writable: false), PdfDocumentOpenMode.Import);
        var claims = document.Info.Elements.GetString(CertificateSigner.ContentsKey)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t', 2))
            .Where(parts => parts.Length == 2)
            .Select(parts => new CertificateClaim(parts[0], parts[1]))
            .ToList();
        return new SignatureCheckResult(SignatureStatus.Valid, claims, SigningTime(pdf, range));
    }

    /// <summary>/M of the signature dictionary, written shortly before its /Contents.</summary>
    private static DateTimeOffset? SigningTime(byte[] pdf, SignedRange range)
    {
        var around = Encoding.Latin1.GetString(pdf, Math.Max(0, range.GapStart - 200), 200);
        var match = SigningTimePattern().Match(around);
        if (!match.Success)
        {
            return null;
        }
        var offset = match.Groups["sign"].Success
            ? TimeSpan.FromHours(int.Parse(match.Groups["oh"].Value, CultureInfo.InvariantCulture))
              + TimeSpan.FromMinutes(int.Parse(match.Groups["om"].Value, CultureInfo.InvariantCulture))
            : TimeSpan.Zero;
        if (match.Groups["sign"].Value == "-")
        {
            offset = -offset;
        }
        return DateTime.TryParseExact(match.Groups["time"].Value, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local, offset)
            : null;
    }

    [GeneratedRegex(@"/M\s*\(D:(?<time>\d{14})(?:(?<sign>[+\-])(?<oh>\d{2})'(?<om>\d{2})'?|Z)?\)")]
    private static partial Regex SigningTimePattern();

    /// <summary>The two signed ranges of a /ByteRange [0 gapStart gapEnd tailLength].</summary>
    private sealed partial record SignedRange(long FirstStart, int GapStart, int GapEnd, long TailLength)
    {
        private static readonly byte[] ByteRangeKey = "/ByteRange"u8.ToArray();

        public static SignedRange? Find(byte[] pdf)
        {
            var at = pdf.AsSpan().LastIndexOf(ByteRangeKey);
            if (at < 0)
            {
                return null;
            }
            var text = Encoding.Latin1.GetString(pdf, at, Math.Min(100, pdf.Length - at));
            var match = ByteRangePattern().Match(text);
            if (!match.Success)
            {
                return null;
            }
            var numbers = match.Groups["n"].Captures.Select(c => long.TryParse(c.Value, CultureInfo.InvariantCulture, out var n) ? n : -1).ToArray();
            return numbers.Any(n => n < 0 || n > int.MaxValue)
                ? null
                : new SignedRange(numbers[0], (int)numbers[1], (int)numbers[2], numbers[3]);
        }

        /// <summary>From the first byte to the signature and from it to the last byte: nothing unsigned but the signature.</summary>
        public bool CoversWholeFile(int length) =>
            FirstStart == 0 && GapStart > 0 && GapEnd > GapStart + 1 && GapEnd + TailLength == length;

        /// <summary>The DER inside the gap's &lt;hex&gt;, when the gap holds nothing else but zero padding.</summary>
        public byte[]? Cms(byte[] pdf)
        {
            var gap = pdf.AsSpan(GapStart, GapEnd - GapStart);
            if (gap[0] != '<' || gap[^1] != '>')
            {
                return null;
            }
            byte[] bytes;
            try
            {
                bytes = Convert.FromHexString(gap[1..^1]);
            }
            catch (FormatException)
            {
                return null;
            }

            int length;
            try
            {
                AsnDecoder.ReadEncodedValue(bytes, AsnEncodingRules.BER, out _, out _, out length);
            }
            catch (AsnContentException)
            {
                return null;
            }

            return bytes.AsSpan(length).ContainsAnyExcept((byte)0) ? null : bytes[..length];
        }

        public byte[] SignedBytes(byte[] pdf) => [.. pdf.AsSpan(0, GapStart), .. pdf.AsSpan(GapEnd)];

        [GeneratedRegex(@"^/ByteRange\s*\[\s*(?:(?<n>\d{1,12})\s+){3}(?<n>\d{1,12})\s*\]")]
        private static partial Regex ByteRangePattern();
    }
}
