using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Komdir.Web.Features.DeliveryApi;

/// <summary>
/// The Delivery API's OpenAPI document, generated from the endpoints and shaped to match Umbraco's committed contract:
/// Umbraco's schema names, its headers on every content operation, expand and fields as one string, and the Api-Key
/// security scheme. Served where Umbraco serves it and at the older KOMDIR address.
/// </summary>
public static class DeliveryOpenApi
{
    /// <summary>Umbraco's address of the document, and the document name it uses.</summary>
    public const string UmbracoDocumentName = "delivery";

    private static readonly Dictionary<string, string> SchemaNames = new()
    {
        [nameof(ApiContentItem)] = "IApiContentResponseModel",
        [nameof(ApiRoute)] = "IApiContentRouteModel",
        [nameof(ApiStartItem)] = "IApiContentStartItemModel",
        [nameof(ApiPagedContent)] = "PagedIApiContentResponseModel",
        [nameof(ApiMediaItem)] = "IApiMediaWithCropsResponseModel",
        [nameof(ApiPagedMedia)] = "PagedIApiMediaWithCropsResponseModel",
        [nameof(ApiFocalPoint)] = "ImageFocalPointModel",
        [nameof(ApiCrop)] = "ImageCropModel",
        [nameof(ApiCropCoordinates)] = "ImageCropCoordinatesModel",
    };

    private static readonly string[] SelectionParameters = ["expand", "fields"];

    public static void Add(IServiceCollection services)
    {
        foreach (var name in new[] { "v2", UmbracoDocumentName })
        {
            services.AddOpenApi(name, Configure);
        }
    }

    public static void Map(WebApplication app)
    {
        app.MapOpenApi(DeliveryApiEndpoints.Root + "/{documentName}/openapi.json").ExcludeFromDescription();
        app.MapOpenApi("/umbraco/swagger/{documentName}/swagger.json").ExcludeFromDescription();
    }

    private static void Configure(OpenApiOptions options)
    {
        options.ShouldInclude = description => description.RelativePath?.StartsWith("umbraco/delivery/api/v2/", StringComparison.OrdinalIgnoreCase) == true;
        options.CreateSchemaReferenceId = type => SchemaNames.TryGetValue(type.Type.Name, out var name) ? name : OpenApiOptions.CreateDefaultSchemaReferenceId(type);
        options.AddOperationTransformer((operation, _, _) =>
        {
            foreach (var parameter in operation.Parameters ?? [])
            {
                // expand and fields are one string in Umbraco's contract; a repeated value is read as their union.
                if (parameter is OpenApiParameter concrete && parameter.In == ParameterLocation.Query && SelectionParameters.Contains(parameter.Name))
                {
                    concrete.Schema = new OpenApiSchema { Type = JsonSchemaType.String };
                }
            }

            return Task.CompletedTask;
        });
        options.AddSchemaTransformer((schema, _, _) =>
        {
            // Numbers are written as JSON numbers; the "or a string" that the Web serializer defaults add is only for reading.
            if (schema.Type is { } type && (type.HasFlag(JsonSchemaType.Integer) || type.HasFlag(JsonSchemaType.Number)))
            {
                schema.Type = type & ~JsonSchemaType.String;
                schema.Pattern = null;
            }

            return Task.CompletedTask;
        });
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "KOMDIR Content Delivery API",
                Version = "Latest",
                Description = "Udgivet indhold og medier fra KOMDIRs website med Umbracos Content Delivery API v2's kontrakt (kun læsning).",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["ApiKeyAuth"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                Description = "Nøglen fra DeliveryApi:PreviewApiKey; kræves kun for Preview: true.",
                Name = "Api-Key",
                In = ParameterLocation.Header,
            };
            foreach (var operation in document.Paths.Values.SelectMany(p => p.Operations is null ? [] : p.Operations.Values.ToList()))
            {
                operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("ApiKeyAuth", document)] = [] }];
            }

            return Task.CompletedTask;
        });
    }
}
