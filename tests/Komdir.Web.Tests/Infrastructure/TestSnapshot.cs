using Komdir.Cms.Content;
using Komdir.Cms.ContentTypes;
using Komdir.Cms.Persistence;
using Komdir.Cms.Published;
using Komdir.Web.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Komdir.Web.Tests.Infrastructure;

/// <summary>
/// Builds published content for component tests through the engine's own <see cref="PublishedSnapshotBuilder"/>:
/// rows are made from (key, parent, type, name, segment, values) and linked, routed and typed exactly as in the site.
/// </summary>
public sealed class TestSnapshot
{
    private readonly List<SnapshotRow> rows = [];
    private readonly Dictionary<Guid, int> nodeIds = [];

    public static DocumentTypeCollection DocumentTypes { get; } = new(KomdirContentModel.DocumentTypes);

    /// <summary>Adds a node below <paramref name="parent"/> (null: a root); siblings keep the order they are added in.</summary>
    public Guid Add(Guid? parent, string type, string name, string segment, IReadOnlyDictionary<string, object?>? values = null, Guid? key = null)
    {
        var nodeKey = key ?? Guid.NewGuid();
        var id = nodeIds.Count + 1;
        nodeIds[nodeKey] = id;
        var when = new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
        rows.Add(new SnapshotRow(
            id,
            nodeKey,
            parent is null ? null : nodeIds[parent.Value],
            SortOrder: id,
            type,
            when,
            name,
            segment,
            ContentValues.Serialize(values ?? new Dictionary<string, object?>()),
            when,
            VersionNumber: 1));
        return nodeKey;
    }

    public PublishedSnapshot Build(long generation = 1) => new PublishedSnapshotBuilder(DocumentTypes).Build(rows, generation);

    /// <summary>A published cache that serves <paramref name="snapshot"/> and never reads a database.</summary>
    public static PublishedContentCache CacheWith(PublishedSnapshot snapshot)
    {
        var cache = new PublishedContentCache(new NoDatabase(), new PublishedSnapshotBuilder(DocumentTypes), NullLogger<PublishedContentCache>.Instance);
        cache.UseSnapshot(snapshot);
        return cache;
    }

    /// <summary>Component tests work on a hand-built snapshot; touching the database would be a bug in the test setup.</summary>
    private sealed class NoDatabase : IDbContextFactory<CmsDbContext>
    {
        public CmsDbContext CreateDbContext() => throw new InvalidOperationException("Component tests have no database.");
    }
}

/// <summary>
/// A small KOMDIR-shaped site for component tests: three strategy periods (the latest is current), their areas, an
/// archived text page, a position paper with two pejlemærker, an about page and a Norwegian page. The texts are
/// test texts, not KOMDIR's.
/// </summary>
public sealed class SampleSite
{
    public SampleSite()
    {
        var site = new TestSnapshot();
        Home = site.Add(null, "home", "Forside", "forside", new Dictionary<string, object?>
        {
            ["title"] = "Testforeningen",
            ["intro"] = "Testforeningen er et **forum** for topchefer.",
        });
        site.Add(null, "siteSettings", "Indstillinger", "indstillinger", new Dictionary<string, object?> { ["siteName"] = "Testforeningen" });
        About = site.Add(Home, "about", "Om os", "om-os", new Dictionary<string, object?> { ["title"] = "Om foreningen" });
        Overview = site.Add(Home, "strategyOverview", "Strategi", "strategi", new Dictionary<string, object?> { ["title"] = "Strategiperioder" });

        Current = site.Add(Overview, "strategyPeriod", "2025-2027", "2025-2027", Period(2025, 2027, "Fokusområde", "Vores fokus i 2025-2027", community: "Et nært kollegialt fællesskab."));
        CurrentAreas =
        [
            site.Add(Current, "focusArea", "Første område", "foerste", Area(1, "Fokus på det første")),
            site.Add(Current, "focusArea", "Andet område", "andet", Area(2, "Fokus på det andet")),
            site.Add(Current, "focusArea", "Tredje område", "tredje", Area(3, "Fokus på det tredje")),
        ];

        Middle = site.Add(Overview, "strategyPeriod", "2023-2025", "2023-2025", Period(2023, 2025, "Fokusområde", "Fokusområder 2023-2025", rationale: "Derfor disse tre."));
        MiddleArea = site.Add(Middle, "focusArea", "Velfærd", "velfaerd", Area(1, "Udvikling af velfærd", curious: ["Hvordan udvikler vi velfærden?", "Hvem har ansvaret?"]));

        Oldest = site.Add(Overview, "strategyPeriod", "2019-2021", "2019-2021", Period(2019, 2021, "Indsatsområde", "Indsatsområder 2019-2021"));
        OldestArea = site.Add(Oldest, "focusArea", "Rammevilkår", "rammevilkaar", Area(1, "Kommunernes rammevilkår"));
        OldestTextPage = site.Add(Oldest, "textPage", "Videndeling", "videndeling", new Dictionary<string, object?>
        {
            ["title"] = "Deler viden",
            ["body"] = "Tekst om videndeling.\n\n## Sociale medier\n\n- Del under #TEST",
        });

        PaperList = site.Add(Home, "positionPaperList", "Debatoplæg", "debatoplaeg", new Dictionary<string, object?> { ["title"] = "Debatoplæg" });
        Paper = site.Add(PaperList, "positionPaper", "To pejlemærker", "to-pejlemaerker", new Dictionary<string, object?>
        {
            ["title"] = "To pejlemærker for en test",
            ["subtitle"] = "Et oplæg til test",
            ["paperType"] = "Debatoplæg",
            ["publishedDate"] = new DateOnly(2019, 5, 3),
            ["summary"] = "Kort om oplægget.",
            ["buildsOn"] = new List<string> { "Bygger videre på noget", "Sætter tillid først" },
            ["motto"] = "Fordi det giver mening",
            ["values"] = new List<string> { "Vi udviser ordentlighed", "Vi tager ansvar" },
        });
        Principles =
        [
            site.Add(Paper, "guidingPrinciple", "Den første forvaltning", "den-foerste", new Dictionary<string, object?>
            {
                ["number"] = 1,
                ["title"] = "Den første forvaltning",
                ["body"] = "- Første punkt\n  - Underpunkt\n- Andet punkt",
                ["closing"] = "Det skaber resultater!",
            }),
            site.Add(Paper, "guidingPrinciple", "Den anden forvaltning", "den-anden", new Dictionary<string, object?>
            {
                ["number"] = 2,
                ["title"] = "Den anden forvaltning",
                ["body"] = "- Tredje punkt",
            }),
        ];

        Norwegian = site.Add(Home, "textPage", "Norsk forum", "norsk-forum", new Dictionary<string, object?>
        {
            ["title"] = "Norsk forum",
            ["language"] = "nb",
            ["body"] = "Forumet er for kommunedirektørene.\n\n## Formål",
        });

        Snapshot = site.Build();
    }

    public PublishedSnapshot Snapshot { get; }

    public Guid Home { get; }

    public Guid About { get; }

    public Guid Overview { get; }

    public Guid Current { get; }

    public IReadOnlyList<Guid> CurrentAreas { get; }

    public Guid Middle { get; }

    public Guid MiddleArea { get; }

    public Guid Oldest { get; }

    public Guid OldestArea { get; }

    public Guid OldestTextPage { get; }

    public Guid PaperList { get; }

    public Guid Paper { get; }

    public IReadOnlyList<Guid> Principles { get; }

    public Guid Norwegian { get; }

    /// <summary>The typed model of the node with <paramref name="key"/>.</summary>
    public T Model<T>(Guid key) where T : PublishedModel =>
        (T)(Snapshot.GetByKey(key) ?? throw new KeyNotFoundException(key.ToString())).Model;

    public IPublishedContent Content(Guid key) => Snapshot.GetByKey(key) ?? throw new KeyNotFoundException(key.ToString());

    private static Dictionary<string, object?> Period(int start, int end, string label, string title, string? community = null, string? rationale = null) => new()
    {
        ["title"] = title,
        ["startYear"] = start,
        ["endYear"] = end,
        ["areaLabel"] = label,
        ["intro"] = $"Perioden {start}-{end} i korte træk.",
        ["purpose"] = $"Formålet for {start}-{end}.",
        ["community"] = community,
        ["rationale"] = rationale,
    };

    private static Dictionary<string, object?> Area(int number, string title, List<string>? curious = null) => new()
    {
        ["number"] = number,
        ["title"] = title,
        ["body"] = $"Brødtekst for {title.ToLowerInvariant()}.",
        ["curiousAbout"] = curious,
    };
}
