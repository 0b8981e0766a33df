namespace ResearchPortal.Domain.Common;

/// <summary>Who performs an action; recorded in transition histories.</summary>
public sealed record Actor(string UserId, string DisplayName);
