using System.Text.Json;
using System.Text.RegularExpressions;
using Komdir.Web.Tests.Infrastructure;

namespace Komdir.Web.Tests.Features.DeliveryApi;

/// <summary>
/// The served OpenAPI document against Umbraco's committed contract (Contract/umbraco-delivery-api.json): paths,
/// operation ids, tags, parameters and their types, responses, security and schemas. Every difference must be listed
/// with a reason in docs/delivery-api.md, under "Differences from Umbraco's contract".
/// </summary>
public sealed partial class DeliveryApiContractTests : IDisposable
{
    private readonly KomdirWebApplicationFactory site = new();

    public void Dispose() => site.Dispose();

    [Theory]
    [InlineData("/umbraco/swagger/delivery/swagger.json")]
    [InlineData("/umbraco/delivery/api/v2/openapi.json")]
    public async Task The_served_document_matches_Umbracos_contract_but_for_the_listed_differences(string address)
    {
        var root = RepositoryRoot();
        using var contract = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(root, "tests/Komdir.Web.Tests/Features/DeliveryApi/Contract/umbraco-delivery-api.json")));
        using var client = site.CreateClient();
        using var served = JsonDocument.Parse(await client.GetStringAsync(address));
        var listed = ListedDifferences(await File.ReadAllTextAsync(Path.Combine(root, "docs/delivery-api.md")));

        var expected = Facts(contract.RootElement).ToHashSet();
        var actual = Facts(served.RootElement).ToHashSet();
        var differences = expected.Except(actual).Select(f => "missing: " + f)
            .Concat(actual.Except(expected).Select(f => "extra: " + f))
            .Order(StringComparer.Ordinal)
            .ToList();

        var unexplained = differences.Where(d => !listed.Contains(d)).ToList();
        Assert.True(unexplained.Count == 0, "Differences from Umbraco's contract not listed in docs/delivery-api.md:\n" + string.Join("\n", unexplained));
        // A listed difference that no longer exists is stale documentation.
        var stale = listed.Where(l => !differences.Contains(l)).ToList();
        Assert.True(stale.Count == 0, "Listed in docs/delivery-api.md but no longer a difference:\n" + string.Join("\n", stale));
    }

    [Fact]
    public void The_comparison_notices_a_changed_operation_id()
    {
        using var contract = JsonDocument.Parse("""{"paths":{"/a":{"get":{"operationId":"A"}}}}""");
        using var changed = JsonDocument.Parse("""{"paths":{"/a":{"get":{"operationId":"B"}}}}""");

        Assert.NotEqual(Facts(contract.RootElement).ToHashSet(), Facts(changed.RootElement).ToHashSet());
    }

    /// <summary>The document as comparable one-line facts, leaving out prose (descriptions, examples, titles).</summary>
    private static IEnumerable<string> Facts(JsonElement document)
    {
        foreach (var path in Objects(document, "paths"))
        {
            yield return $"path {path.Name}";
            foreach (var operation in path.Value.EnumerateObject())
            {
                var at = $"{operation.Name.ToUpperInvariant()} {path.Name}";
                var body = operation.Value;
                yield return $"{at} operationId {Text(body, "operationId")}";
                foreach (var tag in Array(body, "tags"))
                {
                    yield return $"{at} tag {tag.GetString()}";
                }

                foreach (var parameter in Array(body, "parameters"))
                {
                    var required = parameter.TryGetProperty("required", out var r) && r.GetBoolean();
                    yield return $"{at} parameter {Text(parameter, "in")}:{Text(parameter, "name")} {Type(parameter.GetProperty("schema"))}{(required ? " required" : "")}";
                }

                foreach (var response in Objects(body, "responses"))
                {
                    var media = Objects(response.Value, "content").ToList();
                    if (media.Count == 0)
                    {
                        yield return $"{at} response {response.Name}";
                    }

                    foreach (var type in media)
                    {
                        yield return $"{at} response {response.Name} {type.Name} {Type(type.Value.GetProperty("schema"))}";
                    }
                }

                foreach (var requirement in Array(body, "security"))
                {
                    foreach (var scheme in requirement.EnumerateObject())
                    {
                        yield return $"{at} security {scheme.Name}";
                    }
                }
            }
        }

        if (document.TryGetProperty("components", out var components))
        {
            foreach (var schema in Objects(components, "schemas"))
            {
                yield return $"schema {schema.Name} {Type(schema.Value)}";
                foreach (var property in Objects(schema.Value, "properties"))
                {
                    yield return $"schema {schema.Name}.{property.Name} {Type(property.Value)}";
                }

                foreach (var required in Array(schema.Value, "required"))
                {
                    yield return $"schema {schema.Name}.{required.GetString()} required";
                }
            }

            foreach (var scheme in Objects(components, "securitySchemes"))
            {
                yield return $"securityScheme {scheme.Name} {Text(scheme.Value, "type")} {Text(scheme.Value, "in")}:{Text(scheme.Value, "name")}";
            }
        }
    }

    /// <summary>A schema's type in one word: a reference, or type(s) with format, items and alternatives.</summary>
    private static string Type(JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            return "ref:" + reference.GetString()!.Split('/')[^1];
        }

        var types = !schema.TryGetProperty("type", out var type) ? ""
            : type.ValueKind == JsonValueKind.Array ? string.Join("|", type.EnumerateArray().Select(t => t.GetString()).Order(StringComparer.Ordinal))
            : type.GetString();
        var text = types ?? "";
        if (schema.TryGetProperty("format", out var format))
        {
            text += "/" + format.GetString();
        }

        if (schema.TryGetProperty("items", out var items))
        {
            text += "[" + Type(items) + "]";
        }

        if (schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.Object)
        {
            text += "{" + Type(additional) + "}";
        }

        foreach (var combinator in new[] { "anyOf", "oneOf", "allOf" })
        {
            if (schema.TryGetProperty(combinator, out var options))
            {
                text += $" {combinator}(" + string.Join(",", options.EnumerateArray().Select(Type)) + ")";
            }
        }

        return text.Length == 0 ? "any" : text;
    }

    private static IEnumerable<JsonProperty> Objects(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value.EnumerateObject() : [];

    private static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : [];

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ToString() : null;

    /// <summary>The lines "- `missing: …`" / "- `extra: …`" of the docs' list of differences.</summary>
    private static HashSet<string> ListedDifferences(string docs) =>
        ListedDifference().Matches(docs).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"^- `((?:missing|extra): [^`]+)`", RegexOptions.Multiline)]
    private static partial Regex ListedDifference();

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Komdir.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Komdir.sln not found above " + AppContext.BaseDirectory);
    }
}
