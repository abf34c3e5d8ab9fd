namespace Komdir.Cms.Tests.Infrastructure;

/// <summary>The keys written in Fixtures/basic.</summary>
public static class FixtureKeys
{
    public static readonly Guid Root = Guid.Parse("3f0c9a52-8a7e-4c36-9d0b-6f1d2e8a1c01");
    public static readonly Guid Alpha = Guid.Parse("3f0c9a52-8a7e-4c36-9d0b-6f1d2e8a1c02");
    public static readonly Guid Beta = Guid.Parse("3f0c9a52-8a7e-4c36-9d0b-6f1d2e8a1c03");
    public static readonly Guid Gamma = Guid.Parse("3f0c9a52-8a7e-4c36-9d0b-6f1d2e8a1c04");
    public static readonly Guid Data = Guid.Parse("3f0c9a52-8a7e-4c36-9d0b-6f1d2e8a1c05");
}
