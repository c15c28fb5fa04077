using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Reintegration.ServiceDefaults.Hosting;
using Scalar.AspNetCore;

namespace Reintegration.ServiceDefaults.OpenApi;

/// <summary>
/// The service's OpenAPI document (<see cref="DocumentPath"/>) and its API reference page
/// (<see cref="ReferencePath"/>), both anonymous: partners read them before they have a token.
/// </summary>
public static class ApiDocumentation
{
    public const string DocumentPath = "/openapi/v1.json";
    public const string ReferencePath = "/scalar";

    public static IServiceCollection AddApiDocumentation(this IServiceCollection services, ServiceIdentity service) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer(new ServiceDocumentInfo(service));
            options.AddDocumentTransformer<BearerSecurityScheme>();
            options.AddOperationTransformer<ScopeSecurityTransformer>();
            options.AddOperationTransformer<CloudEventsOperation>();
            options.AddOperationTransformer<AcceptedRequestBody>();
            options.AddDocumentTransformer<WrittenJsonSchema>();
            options.AddDocumentTransformer<UnusedSchemas>();
            options.AddDocumentTransformer<PathTags>();
            options.AddSchemaTransformer<BatchResultProblemSchema>();
        });

    public static WebApplication MapApiDocumentation(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        var title = ServiceDocumentInfo.TitleOf(app.Services.GetRequiredService<ServiceIdentity>());
        app.MapScalarApiReference(ReferencePath, options => ApiReferencePage.Configure(options, title)).AllowAnonymous();
        return app;
    }
}
