using Komdir.Web.Tests.Infrastructure;

namespace Komdir.Web.Tests.Features.Discovery;

/// <summary>One seeded site shared by the read-only tests of a class (xUnit class fixtures need a parameterless constructor).</summary>
public sealed class DiscoverySiteFixture : KomdirWebApplicationFactory
{
    public DiscoverySiteFixture()
        : base()
    {
    }
}
