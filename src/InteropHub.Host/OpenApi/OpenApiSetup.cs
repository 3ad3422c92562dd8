using InteropHub.Contracts.Values;
using InteropHub.Host.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace InteropHub.Host.OpenApi;

/// <summary>
/// The hub's OpenAPI 3.1 document at <c>/openapi/v1.json</c>: the <c>X-Api-Key</c> scheme on every authenticated
/// operation, the problems every such operation may answer, and examples of the normalized models.
/// </summary>
internal static class OpenApiSetup
{
    public const string DocumentName = "v1";
    private const string SchemeName = "ApiKey";

    public static IServiceCollection AddHubOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, o =>
        {
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "InteropHub API",
                    Version = "v1",
                    Description = "One tenant-aware API in front of PDND, ANPR and pagoPA for the comuni. Errors are RFC 9457 problems with a stable code.",
                };
                document.Servers = [];
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = ApiKeyAuthenticationHandler.Header,
                    Description = "The tenant's API key; it carries the scopes the operation needs.",
                };
                return Task.CompletedTask;
            });
            o.AddSchemaTransformer((schema, context, _) =>
            {
                // Every problem carries these members (ProblemShape); the framework's schema does not know them.
                if (typeof(ProblemDetails).IsAssignableFrom(context.JsonTypeInfo.Type))
                {
                    schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
                    schema.Properties["code"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Stable machine-readable error code (see the README's error table)." };
                    schema.Properties["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Trace id to quote when reporting the problem." };
                    schema.Properties["requestId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The request's X-Request-Id." };
                }

                if (context.JsonTypeInfo.Type == typeof(FiscalCode) || context.JsonTypeInfo.Type == typeof(FiscalCode?))
                {
                    schema.Type = JsonSchemaType.String;
                    schema.MinLength = 16;
                    schema.MaxLength = 16;
                    schema.Pattern = "^[A-Z0-9]{16}$";
                    schema.Description = "Codice fiscale of a natural person (upper case, check character valid).";
                }

                if (OpenApiExamples.ByType.TryGetValue(context.JsonTypeInfo.Type, out var example))
                {
                    var json = context.ApplicationServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
                    schema.Examples = [JsonSerializer.SerializeToNode(example, context.JsonTypeInfo.Type, json)!];
                }

                return Task.CompletedTask;
            });
            o.AddOperationTransformer((operation, context, _) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
                {
                    operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [] }];
                }

                return Task.CompletedTask;
            });
        });
}
