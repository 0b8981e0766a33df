namespace ResearchPortal.Web.Documents.Xlsx;

public enum XlsxCellKind
{
    /// <summary>Stored as a text cell with the "@" format: ID numbers and phone numbers keep every digit.</summary>
    Text,

    /// <summary>Stored as a number when the value parses with the invariant culture, otherwise as text.</summary>
    Number,

    /// <summary>A value in <see cref="XlsxColumn.DateFormat"/> is stored as a serial date shown as 2025年9月19日, so
    /// a spreadsheet filters and sorts it as a date; anything else is stored as text.</summary>
    Date,

    /// <summary>A value in <see cref="XlsxColumn.DateTimeFormat"/> is stored as a serial date-time shown as
    /// 2025年9月19日 14:30; anything else is stored as text.</summary>
    DateTime,
}

/// <param name="Header">Header row caption.</param>
/// <param name="Width">Column width in characters; computed from the header and the first rows when null. Either way
/// it is capped, so one long value wraps inside its cell instead of spreading the printed sheet over more pages.</param>
public sealed record XlsxColumn(string Header, XlsxCellKind Kind = XlsxCellKind.Text, double? Width = null)
{
    /// <summary>How a <see cref="XlsxCellKind.Date"/> value is passed to the writer (invariant culture).</summary>
    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>How a <see cref="XlsxCellKind.DateTime"/> value is passed to the writer (invariant culture).</summary>
    public const string DateTimeFormat = "yyyy-MM-dd HH:mm";
}
