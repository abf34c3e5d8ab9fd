using System.Globalization;
using Komdir.Cms.Scheduling;

namespace Komdir.Cms.Tests.Scheduling;

/// <summary>Dates and times as the browser's inputs send them become the right UTC moment, whatever the culture.</summary>
public sealed class CopenhagenTimeTests
{
    [Theory]
    [InlineData("da-DK")]
    [InlineData("en-US")]
    [InlineData("de-DE")]
    [InlineData("")]
    public void Browser_values_are_read_the_same_in_every_culture(string culture)
    {
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);

            Assert.Equal(LocalTimeStatus.Ok, CopenhagenTime.TryToUtc("2099-06-01", "10:30", out var summer));
            Assert.Equal(new DateTimeOffset(2099, 6, 1, 8, 30, 0, TimeSpan.Zero), summer); // CEST, UTC+2
            Assert.Equal(LocalTimeStatus.Ok, CopenhagenTime.TryToUtc("2099-12-01", "10:30:00", out var winter));
            Assert.Equal(new DateTimeOffset(2099, 12, 1, 9, 30, 0, TimeSpan.Zero), winter); // CET, UTC+1
            Assert.Equal("1. juni 2099 kl. 10.30", CopenhagenTime.Format(summer));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before;
        }
    }

    [Theory]
    [InlineData("1.6.2099", "10.30")]
    [InlineData("01-06-2099", "10:30")]
    public void Danish_written_dates_and_times_are_read_too(string date, string time)
    {
        Assert.Equal(LocalTimeStatus.Ok, CopenhagenTime.TryToUtc(date, time, out var utc));
        Assert.Equal(new DateTimeOffset(2099, 6, 1, 8, 30, 0, TimeSpan.Zero), utc);
    }

    [Theory]
    [InlineData(null, "10:30", LocalTimeStatus.Missing)]
    [InlineData("2099-06-01", "", LocalTimeStatus.Missing)]
    [InlineData("i morgen", "10:30", LocalTimeStatus.Unreadable)]
    [InlineData("2099-06-01", "25:00", LocalTimeStatus.Unreadable)]
    [InlineData("2099-02-30", "10:30", LocalTimeStatus.Unreadable)]
    public void Empty_or_unreadable_input_is_named(string? date, string? time, LocalTimeStatus expected)
    {
        Assert.Equal(expected, CopenhagenTime.TryToUtc(date, time, out _));
    }

    [Fact]
    public void The_hour_skipped_by_summer_time_does_not_exist()
    {
        // 29 March 2026 is the last Sunday of March: clocks go from 02:00 to 03:00.
        Assert.Equal(LocalTimeStatus.DoesNotExist, CopenhagenTime.TryToUtc("2026-03-29", "02:30", out _));
        Assert.Equal(LocalTimeStatus.Ok, CopenhagenTime.TryToUtc("2026-03-29", "03:00", out var after));
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), after);
    }

    [Fact]
    public void The_offset_is_described_as_summer_or_winter_time()
    {
        Assert.Equal("sommertid, UTC+2", CopenhagenTime.DescribeOffset(new DateTimeOffset(2099, 6, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal("vintertid, UTC+1", CopenhagenTime.DescribeOffset(new DateTimeOffset(2099, 12, 1, 0, 0, 0, TimeSpan.Zero)));
    }
}
