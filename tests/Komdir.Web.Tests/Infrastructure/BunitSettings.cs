using System.Runtime.CompilerServices;
using Bunit;

namespace Komdir.Web.Tests.Infrastructure;

internal static class BunitSettings
{
    /// <summary>
    /// Backoffice screens in these tests wait on a real database (PostgreSQL in one CI pass) while the rest of the
    /// suite runs beside them on two cores; bUnit's default one-second wait is too short for that. A longer wait
    /// changes no assertion: it only gives renders time to arrive.
    /// </summary>
    [ModuleInitializer]
    internal static void UseLongerWaits() => BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(10);
}
