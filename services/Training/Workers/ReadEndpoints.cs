using Marten;
using Reintegration.ServiceDefaults.Access;
using Reintegration.ServiceDefaults.EventStore;
using Reintegration.ServiceDefaults.Problems;
using Reintegration.ServiceDefaults.Reading;
using Reintegration.ServiceDefaults.Reference;
using Reintegration.Training.Trainings;

namespace Reintegration.Training.Workers;

public sealed record WorkerView(
    Guid Id, string Sex, string Role, string Organisation, IReadOnlyList<string> Regions,
    IReadOnlyList<WorkerTraining> Trainings, IReadOnlyList<WorkerCertificate> Certificates)
{
    public static WorkerView From(WorkerProfile w) => new(w.Id, w.Sex, w.Role, w.Organisation, w.Regions, w.Trainings, w.Certificates);
}


public sealed record TrainingView(
    Guid Id, string Course, DateOnly StartDate, DateOnly EndDate, string Region, string Trainer, DateTimeOffset Time, IReadOnlyList<TrainedWorker> Participants);

/// <summary>
/// <c>GET /workers/{id}</c>, <c>GET /workers</c> (by organisation, role, region; paged) and
/// <c>GET /trainings/{id}</c>. Workers are staff, not beneficiaries, but their test scores are
/// personal: <c>reports:read</c>. Workers come from an async projection (about a second behind
/// writes); a training is folded from its stream.
/// </summary>
public static class ReadEndpoints
{

    public static IEndpointRouteBuilder MapTrainingReads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/workers/{id:guid}", async (Guid id, IQuerySession session, CancellationToken cancellationToken) =>
                await session.LoadAsync<WorkerProfile>(id, cancellationToken) is { } worker
                    ? Results.Ok(WorkerView.From(worker))
                    : new Problem(ProblemKind.NotFound, $"Training has no training recorded for worker {id}.").ToResult())
            .WithName("GetWorker")
            .WithSummary("A worker's trainings (course, dates, scores, completed) and certificates")
            .RequireScope(Scopes.ReportsRead)
            .Produces<WorkerView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        app.MapGet("/workers", SearchAsync)
            .WithName("ListWorkers")
            .WithSummary("Workers by organisation and role (as their latest training lists them) and region (of any of their trainings); page, pageSize (1-100, default 20)")
            .RequireScope(Scopes.ReportsRead)
            .Produces<PageOf<WorkerView>>()
            .ProducesValidationProblem(StatusCodes.Status400BadRequest);

        app.MapGet("/trainings/{id:guid}", async (Guid id, IQuerySession session, CancellationToken cancellationToken) =>
                await StreamStates.FoldAsync<DeliveredTraining>(session, id, cancellationToken) is { Delivered: var t }
                    ? Results.Ok(new TrainingView(t.TrainingId, t.Course, t.StartDate, t.EndDate, t.Region, t.Trainer, t.Time, t.Participants))
                    : new Problem(ProblemKind.NotFound, $"Training {id} is not known.").ToResult())
            .WithName("GetTraining")
            .WithSummary("A training as delivered: course, dates, region, trainer and each participant's scores and completion")
            .RequireScope(Scopes.ReportsRead)
            .Produces<TrainingView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> SearchAsync(
        string? organisation, string? role, string? region, int? page, int? pageSize, IQuerySession session, CancellationToken cancellationToken)
    {
        var invalid = new Dictionary<string, string[]>();
        var paging = PageRequest.Read(page, pageSize, invalid);
        if (organisation is { Length: 0 or > 100 }) invalid["organisation"] = ["must be 1 to 100 characters"];
        if (role is not null && !TrainingRules.Roles.Contains(role)) invalid["role"] = ["must be a role code of the catalogue"];
        if (region is not null && !Codes.Regions.Contains(region)) invalid["region"] = ["must be a region code of the catalogue"];
        if (Problem.Query(invalid) is { } problem) return problem.ToResult();

        IQueryable<WorkerProfile> query = session.Query<WorkerProfile>();
        if (organisation is not null) query = query.Where(w => w.Organisation == organisation);
        if (role is not null) query = query.Where(w => w.Role == role);
        if (region is not null) query = query.Where(w => w.Regions.Contains(region));

        var rows = await query.OrderBy(w => w.FirstStartDate).ThenBy(w => w.Id).Skip(paging.Skip).Take(paging.Take).ToListAsync(cancellationToken);
        return Results.Ok(paging.Of(rows, WorkerView.From));
    }
}
