namespace ResearchPortal.Domain.Common;

/// <summary>An expected failure: <paramref name="Message"/> is shown to the user (Simplified Chinese),
/// <paramref name="Field"/> names the property concerned so a page can show it next to the input.</summary>
public sealed record Error(string Code, string Message, string? Field = null);
