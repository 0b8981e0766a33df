namespace ResearchPortal.Web.Documents.Xlsx;

/// <summary>
/// Text that a spreadsheet program could take for a formula (=, +, -, @, tab, carriage return first, as OWASP's
/// CSV-injection guidance lists) is written with a leading apostrophe, and the apostrophe is dropped again when the
/// portal reads its own file back, so an exported roster re-imports unchanged.
/// </summary>
public static class FormulaGuard
{
    private const char Guard = '\'';
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public static string Neutralize(string text) =>
        text.Length > 0 && FormulaStarts.Contains(text[0]) ? Guard + text : text;

    public static string Restore(string text) =>
        text.Length > 1 && text[0] == Guard && FormulaStarts.Contains(text[1]) ? text[1..] : text;
}
