using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Komdir.Web.Tests.Infrastructure;

/// <summary>
/// "No blocking calls on the request path" is enforced by the build: Microsoft.CodeAnalysis.BannedApiAnalyzers with
/// src/BannedSymbols.txt in every src project, warnings as errors (ADR 0013). The analyzer silently ignores an ID
/// that names nothing, so these tests check that the list is wired in and that every ID it holds is a real member.
/// </summary>
public sealed class BannedApiAnalyzerTests
{
    private static readonly string Source = Path.Combine(RepositoryPaths.Root, "src");

    // The assemblies the banned members live in; a type is looked up in each.
    private static readonly Assembly[] Assemblies =
    [
        typeof(Task).Assembly,
        typeof(Queryable).Assembly,
        typeof(DbContext).Assembly,
        typeof(RelationalDatabaseFacadeExtensions).Assembly,
    ];

    [Fact]
    public void Every_src_project_gets_the_analyzer_and_the_banned_list()
    {
        var props = XDocument.Load(Path.Combine(Source, "Directory.Build.props"));
        Assert.Contains(props.Descendants("PackageReference"), e => (string?)e.Attribute("Include") == "Microsoft.CodeAnalysis.BannedApiAnalyzers");
        Assert.Contains(props.Descendants("AdditionalFiles"), e => ((string?)e.Attribute("Include"))?.EndsWith("BannedSymbols.txt", StringComparison.Ordinal) == true);
        Assert.Contains(props.Descendants("Import"), e => ((string?)e.Attribute("Project"))?.Contains("GetPathOfFileAbove", StringComparison.Ordinal) == true);

        var projects = Directory.EnumerateFiles(Source, "*.csproj", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(projects);
        foreach (var project in projects)
        {
            // Restored with the analyzer: the package is in the project's assets file (the build ran before the tests).
            var assets = File.ReadAllText(Path.Combine(Path.GetDirectoryName(project)!, "obj", "project.assets.json"));
            Assert.Contains("Microsoft.CodeAnalysis.BannedApiAnalyzers/5.6.0", assets, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_banned_id_names_a_real_member()
    {
        var unknown = BannedIds().Where(id => !KnownIds.Value.Contains(id)).ToList();

        Assert.True(unknown.Count == 0, "IDs in src/BannedSymbols.txt that name nothing (the analyzer would ignore them):\n" + string.Join("\n", unknown));
    }

    [Fact]
    public void Every_overload_of_a_banned_method_is_banned()
    {
        var banned = BannedIds().ToHashSet(StringComparer.Ordinal);
        var names = banned.Where(id => id.StartsWith("M:", StringComparison.Ordinal)).Select(MemberName).ToHashSet(StringComparer.Ordinal);

        var missed = KnownIds.Value.Where(id => id.StartsWith("M:", StringComparison.Ordinal) && names.Contains(MemberName(id)) && !banned.Contains(id)).ToList();

        Assert.True(missed.Count == 0, "Overloads of banned methods that are not banned:\n" + string.Join("\n", missed));
    }

    [Fact]
    public void The_list_bans_the_blocking_waits_and_the_synchronous_ef_core_calls()
    {
        var names = BannedIds().Select(MemberName).ToHashSet(StringComparer.Ordinal);

        string[] required =
        [
            "System.Threading.Tasks.Task`1.Result", "System.Threading.Tasks.Task.Wait", "System.Runtime.CompilerServices.TaskAwaiter.GetResult",
            "System.Runtime.CompilerServices.TaskAwaiter`1.GetResult", "System.Threading.Thread.Sleep",
            "Microsoft.EntityFrameworkCore.DbContext.SaveChanges", "Microsoft.EntityFrameworkCore.DbSet`1.Find",
            "Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.Migrate", "Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade.EnsureCreated",
            "System.Linq.Queryable.First", "System.Linq.Queryable.FirstOrDefault", "System.Linq.Queryable.Single", "System.Linq.Queryable.Count",
            "System.Linq.Queryable.Any", "System.Linq.Queryable.Max",
        ];

        Assert.All(required, name => Assert.Contains(name, names));
    }

    private static IEnumerable<string> BannedIds() =>
        File.ReadLines(Path.Combine(Source, "BannedSymbols.txt"))
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split(';', 2)[0].Trim());

    /// <summary>"M:N.T.Name``1(…)" → "N.T.Name": the member without kind, arity and parameters.</summary>
    private static string MemberName(string id) => Regex.Replace(id[2..], @"(``\d+)?(\(.*)?$", "");

    /// <summary>The documentation comment ID of every public method and property of every type a banned ID names.</summary>
    private static readonly Lazy<HashSet<string>> KnownIds = new(() =>
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var typeNames = BannedIds().Select(id => MemberName(id)).Select(name => name[..name.LastIndexOf('.')]).Distinct();
        foreach (var typeName in typeNames)
        {
            var type = FindType(typeName);
            if (type is null)
            {
                continue;
            }

            const BindingFlags Public = BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;
            foreach (var method in type.GetMethods(Public))
            {
                ids.Add(MethodId(method));
            }

            foreach (var property in type.GetProperties(Public))
            {
                ids.Add($"P:{TypeName(type)}.{property.Name}");
            }
        }

        return ids;
    });

    private static Type? FindType(string docName)
    {
        // Nested types are written with "." in IDs and "+" in reflection; try each split.
        var parts = docName.Split('.');
        for (var nested = 0; nested < parts.Length; nested++)
        {
            var name = string.Join('.', parts[..(parts.Length - nested)]) + string.Concat(parts[(parts.Length - nested)..].Select(p => "+" + p));
            if (Assemblies.Select(a => a.GetType(name)).FirstOrDefault(t => t is not null) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static string MethodId(MethodInfo method)
    {
        var id = $"M:{TypeName(method.DeclaringType!)}.{method.Name}";
        if (method.IsGenericMethod)
        {
            id += "``" + method.GetGenericArguments().Length;
        }

        var parameters = method.GetParameters();
        return parameters.Length == 0 ? id : id + "(" + string.Join(",", parameters.Select(p => ParameterType(p.ParameterType))) + ")";
    }

    private static string TypeName(Type type) => (type.IsNested ? TypeName(type.DeclaringType!) : type.Namespace) + "." + type.Name;

    private static string ParameterType(Type type)
    {
        if (type.IsGenericMethodParameter)
        {
            return "``" + type.GenericParameterPosition;
        }

        if (type.IsGenericParameter)
        {
            return "`" + type.GenericParameterPosition;
        }

        if (type.IsByRef)
        {
            return ParameterType(type.GetElementType()!) + "@";
        }

        if (type.IsArray)
        {
            return ParameterType(type.GetElementType()!) + "[]";
        }

        var name = (type.IsNested ? ParameterType(type.DeclaringType!) : type.Namespace) + "." + type.Name;
        return type.IsGenericType
            ? name[..name.IndexOf('`', StringComparison.Ordinal)] + "{" + string.Join(",", type.GetGenericArguments().Select(ParameterType)) + "}"
            : name;
    }
}
