using System.Globalization;

namespace Komdir.Cms.Scheduling;

/// <summary>Why a date and a time typed in the backoffice could not become a moment.</summary>
public enum LocalTimeStatus
{
    Ok,

    /// <summary>The date or the time is empty.</summary>
    Missing,

    /// <summary>The text is not a date or a time.</summary>
    Unreadable,

    /// <summary>The clock skips this time that day (the spring change to summer time, 02:00-03:00).</summary>
    DoesNotExist,
}

/// <summary>
/// Danish time for scheduling: the backoffice takes a date and a time of day as the browser's date and time inputs send
/// them (ISO "2026-12-02" and "10:30", whatever the server's or the browser's culture) and stores the moment in UTC.
/// Parsing never uses the current culture: da-DK writes times as "10.30", which broke the old single datetime-local
/// input, so both separators are read explicitly.
/// </summary>
public static class CopenhagenTime
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d.M.yyyy", "d-M-yyyy", "d/M/yyyy"];
    private static readonly string[] TimeFormats = ["H:mm", "H:mm:ss", "H:mm:ss.FFF", "H.mm", "H.mm.ss"];
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    /// <summary>The UTC moment of <paramref name="date"/> at <paramref name="time"/> in Copenhagen.</summary>
    /// <remarks>In the autumn hour that happens twice (02:00-03:00), the later one (winter time) is meant.</remarks>
    public static LocalTimeStatus TryToUtc(string? date, string? time, out DateTimeOffset utc)
    {
        utc = default;
        if (string.IsNullOrWhiteSpace(date) || string.IsNullOrWhiteSpace(time))
        {
            return LocalTimeStatus.Missing;
        }

        if (!DateOnly.TryParseExact(date.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            || !TimeOnly.TryParseExact(time.Trim(), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var timeOfDay))
        {
            return LocalTimeStatus.Unreadable;
        }

        var local = day.ToDateTime(timeOfDay, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
        {
            return LocalTimeStatus.DoesNotExist;
        }

        utc = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, Zone), TimeSpan.Zero);
        return LocalTimeStatus.Ok;
    }

    /// <summary>"1. juni 2099 kl. 10.30", in Copenhagen time.</summary>
    public static string Format(DateTimeOffset utc) =>
        TimeZoneInfo.ConvertTime(utc, Zone).ToString("d. MMMM yyyy 'kl.' HH:mm", Danish);

    /// <summary>"sommertid, UTC+2" or "vintertid, UTC+1" at <paramref name="utc"/>.</summary>
    public static string DescribeOffset(DateTimeOffset utc)
    {
        var offset = Zone.GetUtcOffset(utc);
        var season = Zone.IsDaylightSavingTime(utc) ? "sommertid" : "vintertid";
        return $"{season}, UTC+{offset.Hours}";
    }
}
