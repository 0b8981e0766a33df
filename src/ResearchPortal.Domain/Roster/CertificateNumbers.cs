namespace ResearchPortal.Domain.Roster;

public static class CertificateNumbers
{
    /// <summary>
    /// The stored form of a certificate number, so look-ups need no case-insensitive comparison: full-width letters,
    /// digits and spaces folded to their ASCII forms (NFKC), surrounding spaces removed, letters upper-cased.
    /// " sdgy２０２５-p1-001　" → "SDGY2025-P1-001".
    /// </summary>
    public static string Normalize(string number) =>
        number.Normalize(System.Text.NormalizationForm.FormKC).Trim().ToUpperInvariant();
}
