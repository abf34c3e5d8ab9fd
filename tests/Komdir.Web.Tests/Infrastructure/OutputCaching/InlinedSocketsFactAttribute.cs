using Komdir.Web.Tests.Infrastructure;

namespace Komdir.Web.Tests.Infrastructure.OutputCaching;

/// <summary>
/// A test that needs socket completions inlined on one event thread (Komdir.Web.Tests.runsettings). The PostgreSQL
/// run uses postgres.runsettings without them (see there why), so such tests are skipped in that run only.
/// </summary>
public sealed class InlinedSocketsFactAttribute : FactAttribute
{
    public InlinedSocketsFactAttribute()
    {
        if (KomdirWebApplicationFactory.UsesPostgres)
        {
            Skip = "Runs in the SQLite run, whose runsettings inline socket completions on one event thread; the PostgreSQL run does not.";
        }
    }
}
