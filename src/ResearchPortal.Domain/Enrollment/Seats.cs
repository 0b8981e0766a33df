using ResearchPortal.Domain.Common;

namespace ResearchPortal.Domain.Enrollment;

/// <summary>A seminar accepts no more trainees than its filing planned (计划学员人数); the public pages show the rest as 剩余名额.</summary>
public static class Seats
{
    public const string FullCode = "Enrollment.SeatsFull";

    public static int Left(int? planned, int accepted) => Math.Max(0, (planned ?? 0) - accepted);

    /// <summary>One more acceptance fits while fewer than the planned number are accepted.</summary>
    public static Result CheckOneMore(int? planned, int accepted, string field) =>
        Left(planned, accepted) > 0
            ? Result.Success()
            : Result.Failure(new Error(FullCode, $"名额已满：计划 {planned ?? 0} 人，已录取 {accepted} 人。", field));
}
