namespace ResearchPortal.Domain.Roster;

/// <summary>A certificate number withdrawn from a trainee. It stays on record so that verification answers 已撤销 and
/// the number is never issued again.</summary>
public sealed record RevokedCertificate(string Number, DateTimeOffset RevokedAt, string Reason, string RevokedByUserId, string RevokedByName);
