namespace ResearchPortal.Web.Documents.Xlsx;

public enum XlsxCellKind
{
    /// <summary>Stored as a text cell with the "@" format: ID numbers and phone numbers keep every digit.</summary>
    Text,

    /// <summary>Stored as a number when the value parses with the invariant culture, otherwise as text.</summary>
    Number,
}

/// <param name="Header">Header row caption.</param>
/// <param name="Width">Column width in characters; computed from the header and the first rows when null.</param>
public sealed record XlsxColumn(string Header, XlsxCellKind Kind = XlsxCellKind.Text, double? Width = null);
