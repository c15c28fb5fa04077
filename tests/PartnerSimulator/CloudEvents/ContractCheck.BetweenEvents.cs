using System.Text.Json.Nodes;

namespace Reintegration.PartnerSimulator.CloudEvents;

public static partial class ContractCheck
{
    /// <summary>
    /// The rules between events, judged by field time once all events are seen (posting order is
    /// the posting plan's business): what each returnee's case allowed at the time of each
    /// activity, and what certifications and referral closures refer to.
    /// </summary>
    private sealed class BetweenEvents
    {
        private enum Needs { OpenCase, Counselling }

        private sealed class Case
        {
            public DateTimeOffset? RegisteredAt;
            public bool CounsellingAtRegistration = true;
            public DateTimeOffset? WithdrawnAt;
            public readonly List<(DateTimeOffset Time, bool Counselling)> CounsellingChanges = [];
            public readonly List<DateTimeOffset> Closures = [];
            public readonly List<DateTimeOffset> Reopenings = [];
            public readonly Dictionary<Guid, DateTimeOffset> Referrals = [];
        }

        private readonly Dictionary<Guid, Case> _cases = [];
        private readonly List<(string Id, Guid Returnee, DateTimeOffset Time, Needs Needs, bool IsWithdrawal)> _activities = [];
        private readonly List<(string Id, Guid Returnee, Guid Referral, DateTimeOffset Time)> _referralClosures = [];
        private readonly Dictionary<Guid, (string Course, DateTimeOffset Time, HashSet<Guid> Completed)> _trainings = [];
        private readonly List<(string Id, Guid Worker, string Course, Guid Training, DateTimeOffset Time)> _certifications = [];
        private readonly HashSet<(string What, Guid Owner, Guid Id)> _unique = [];
        private readonly List<string> _problems = [];

        private Case Of(Guid returnee) => _cases.TryGetValue(returnee, out var c) ? c : _cases[returnee] = new Case();

        public void Registered(Seen e)
        {
            var c = Of(e.Subject);
            if (c.RegisteredAt is not null) e.Fail("the returnee is registered twice");
            c.RegisteredAt = e.Time;
            if (e.Data["consent"]?["counselling"] is JsonValue v && v.TryGetValue<bool>(out var consent)) c.CounsellingAtRegistration = consent;
        }

        public void ConsentChanged(Seen e, bool? counselling, bool withdraws)
        {
            var c = Of(e.Subject);
            if (counselling is { } given) c.CounsellingChanges.Add((e.Time, given));
            if (withdraws)
            {
                if (c.WithdrawnAt is not null) e.Fail("consent to data processing is withdrawn twice");
                c.WithdrawnAt = e.Time;
            }

            _activities.Add((e.Id, e.Subject, e.Time, Needs.OpenCase, withdraws));
        }

        public void CaseActivity(Seen e) => _activities.Add((e.Id, e.Subject, e.Time, Needs.OpenCase, false));

        public void TakesPart(Seen e, Guid returnee) => _activities.Add((e.Id, returnee, e.Time, Needs.OpenCase, false));

        public void Counselling(Seen e, Guid returnee) => _activities.Add((e.Id, returnee, e.Time, Needs.Counselling, false));

        public void Closed(Seen e)
        {
            Of(e.Subject).Closures.Add(e.Time);
            _activities.Add((e.Id, e.Subject, e.Time, Needs.OpenCase, false));
        }

        public void Reopened(Seen e) => Of(e.Subject).Reopenings.Add(e.Time);

        public void Unique(Seen e, string what, Guid owner, Guid id)
        {
            if (!_unique.Add((what, owner, id))) e.Fail($"{what} {id} is used twice");
        }

        public void ReferralMade(Seen e, Guid referral)
        {
            if (!Of(e.Subject).Referrals.TryAdd(referral, e.Time)) e.Fail($"referralId {referral} is used twice");
        }

        public void ReferralClosed(Seen e, Guid referral) => _referralClosures.Add((e.Id, e.Subject, referral, e.Time));

        public void TrainingDelivered(Seen e, string course, HashSet<Guid> completed)
        {
            if (!_trainings.TryAdd(e.Subject, (course, e.Time, completed))) e.Fail("the training is delivered twice");
        }

        public void Certified(Seen e, string course, Guid training) => _certifications.Add((e.Id, e.Subject, course, training, e.Time));

        public IEnumerable<string> Problems()
        {
            foreach (var (id, returnee, time, needs, isWithdrawal) in _activities)
            {
                var c = Of(returnee);
                if (c.RegisteredAt is not { } registered) _problems.Add($"{id}: returnee {returnee} is never registered");
                else if (time <= registered) _problems.Add($"{id}: dated before returnee {returnee}'s registration");
                if (!isWithdrawal && c.WithdrawnAt is { } withdrawn && time >= withdrawn)
                    _problems.Add($"{id}: dated after returnee {returnee} withdrew consent to data processing");
                if (!isWithdrawal && ClosureInForce(c, time) is { } closure)
                    _problems.Add($"{id}: dated after returnee {returnee}'s case was closed at {closure:O}, before any reopening");
                if (needs == Needs.Counselling && !CounsellingConsentAt(c, time))
                    _problems.Add($"{id}: counselling of returnee {returnee}, who has not consented to counselling then");
            }

            foreach (var c in _cases.Values) CheckLifecycle(c);

            foreach (var (id, returnee, referral, time) in _referralClosures)
            {
                if (!Of(returnee).Referrals.TryGetValue(referral, out var made)) _problems.Add($"{id}: closes referral {referral}, never made for returnee {returnee}");
                else if (time <= made) _problems.Add($"{id}: closes referral {referral} before it was made");
            }

            var certified = new HashSet<(Guid, string)>();
            foreach (var (id, worker, course, training, time) in _certifications)
            {
                if (!_trainings.TryGetValue(training, out var t)) _problems.Add($"{id}: names training {training}, never delivered");
                else
                {
                    if (t.Course != course) _problems.Add($"{id}: course {course}, but training {training} was {t.Course}");
                    if (!t.Completed.Contains(worker)) _problems.Add($"{id}: worker {worker} did not complete training {training}");
                    if (time <= t.Time) _problems.Add($"{id}: dated before training {training} was delivered");
                }

                if (!certified.Add((worker, course))) _problems.Add($"{id}: worker {worker} certified twice for {course}");
            }

            return _problems;
        }

        /// <summary>Closures and reopenings alternate: a closure of an open case, a reopening of a closed one, after it.</summary>
        private void CheckLifecycle(Case c)
        {
            var changes = c.Closures.Select(t => (Time: t, Closes: true)).Concat(c.Reopenings.Select(t => (Time: t, Closes: false))).OrderBy(x => x.Time).ToList();
            for (var i = 0; i < changes.Count; i++)
                if (changes[i].Closes != (i % 2 == 0))
                {
                    _problems.Add($"case closed and reopened out of turn at {changes[i].Time:O}");
                    return;
                }
        }

        /// <summary>The latest closure before <paramref name="time"/> with no reopening between it and then.</summary>
        private static DateTimeOffset? ClosureInForce(Case c, DateTimeOffset time)
        {
            var before = c.Closures.Where(t => t < time).ToList();
            if (before.Count == 0) return null;
            var closure = before.Max();
            return c.Reopenings.Any(r => r >= closure && r <= time) ? null : closure;
        }

        private static bool CounsellingConsentAt(Case c, DateTimeOffset time) =>
            c.CounsellingChanges.Where(x => x.Time <= time).OrderBy(x => x.Time).Select(x => (bool?)x.Counselling).LastOrDefault()
            ?? c.CounsellingAtRegistration;
    }
}
