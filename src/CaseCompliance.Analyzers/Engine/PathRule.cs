using System.Collections.Immutable;
using CaseCompliance.Analyzers.Model;

namespace CaseCompliance.Analyzers.Engine
{
    /// <summary>The path rule kinds of the engine.</summary>
    internal enum PathRuleKind
    {
        /// <summary>A call of role <see cref="PathRule.Trigger"/> needs a cover on every path through its body, before or after (CASE010).</summary>
        RequiredOnEveryPath,

        /// <summary>A call of role <see cref="PathRule.Trigger"/> must be preceded by a cover on every path from the entry (CASE022, CASE030).</summary>
        GuardBefore,

        /// <summary>A method of role <see cref="PathRule.Trigger"/> must pass a cover on every path that completes it (CASE021).</summary>
        GuardedBody,
    }

    /// <summary>
    /// One path rule: an instance of a path kind, made of roles from its definition. What covers a path: a call of role
    /// <see cref="Cover"/> (when it returns bool and <see cref="CheckedResult"/> is set, only a condition on its result
    /// that passes); a condition that reads a member of role <see cref="Status"/> as passed (true, or an enum member
    /// named like <see cref="PassedValues"/>); a comparison of a value of role <see cref="CompareWith"/> with another
    /// value that rejects on equality.
    /// </summary>
    internal sealed class PathRule
    {
        public PathRule(CompiledRule rule, PathRuleKind kind)
        {
            Rule = rule;
            Kind = kind;
            Trigger = rule.RoleParameter("trigger");
            Cover = rule.RoleParameter("cover");
            CheckedResult = rule.Flag("checkedResult", false);
            Status = rule.RoleParameter("status");
            CompareWith = rule.RoleParameter("compareWith");
            ComparedParameter = rule.RoleParameter("comparedParameter");
            Match = rule.RoleParameter("match");
            PassUp = rule.Flag("passUp", true);
            PassedValues = rule.Names("passedValues");
            FailedValues = rule.Names("failedValues");
            FailingCheckNames = rule.Names("failingCheckNames");
            PassingCheckNames = rule.Names("passingCheckNames");
        }

        public static PathRuleKind? KindOf(string kind) => kind switch
        {
            RuleKind.RequiredOnEveryPath => PathRuleKind.RequiredOnEveryPath,
            RuleKind.GuardBefore => PathRuleKind.GuardBefore,
            RuleKind.GuardedBody => PathRuleKind.GuardedBody,
            _ => null,
        };

        public CompiledRule Rule { get; }

        /// <summary>
        /// A rule of kind coverMatches reports a cover about another value (CASE011), so this rule does not also
        /// report the trigger that cover leaves uncovered (SPEC §3: one mistake, one diagnostic).
        /// </summary>
        public bool MismatchReportedElsewhere { get; set; }

        /// <summary>A rule of kind coverNotSwallowed reports a catch that swallows the cover's failure (CASE012), so paths through such a catch are not this rule's.</summary>
        public bool SwallowReportedElsewhere { get; set; }

        public PathRuleKind Kind { get; }

        /// <summary>The role of the call (or, for <see cref="PathRuleKind.GuardedBody"/>, of the method) that needs a cover.</summary>
        public RoleSet Trigger { get; }

        /// <summary>Calls of these roles cover.</summary>
        public RoleSet Cover { get; }

        /// <summary>A cover call that returns bool counts only through a condition on its result.</summary>
        public bool CheckedResult { get; }

        /// <summary>A condition that reads a member of these roles as passed covers the branch where it holds.</summary>
        public RoleSet Status { get; }

        /// <summary>Names of enum members of a status that mean passed (globs, any case).</summary>
        public ImmutableArray<string> PassedValues { get; }

        /// <summary>Names of enum members that never mean passed.</summary>
        public ImmutableArray<string> FailedValues { get; }

        /// <summary>Names of bool checks (cover calls and helpers) whose true result means the check failed (<c>HasConflict</c>).</summary>
        public ImmutableArray<string> FailingCheckNames { get; }

        /// <summary>Exceptions to <see cref="FailingCheckNames"/> (<c>HasNoConflict</c>).</summary>
        public ImmutableArray<string> PassingCheckNames { get; }

        /// <summary>A comparison of a value of these roles with another value, rejecting on equality, covers.</summary>
        public RoleSet CompareWith { get; }

        /// <summary>When the body has a parameter of these roles, a comparison must involve it.</summary>
        public RoleSet ComparedParameter { get; }

        /// <summary>A cover call only counts when its argument of this role is not provably another value than the trigger's.</summary>
        public RoleSet Match { get; }

        /// <summary>A body whose own method plays the trigger role passes the duty to its callers.</summary>
        public bool PassUp { get; }

        /// <summary>Whether conditions can cover, so bodies need their conditions classified.</summary>
        public bool HasConditionChecks => CheckedResult || !Status.IsEmpty || !CompareWith.IsEmpty;

        /// <summary>
        /// Whether a bool check's true result means it passed: yes, unless its name matches <see cref="FailingCheckNames"/>
        /// and not <see cref="PassingCheckNames"/>. The name decides, not where the checked call sits, so an inverted
        /// use (<c>if (IsImpartial(...)) return; Decide(...);</c>) is a finding.
        /// </summary>
        public bool PassesWhenTrue(string checkName)
        {
            foreach (var passing in PassingCheckNames)
            {
                if (RulesFile.DocIdPattern.Glob(passing, checkName, System.StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            foreach (var failing in FailingCheckNames)
            {
                if (RulesFile.DocIdPattern.Glob(failing, checkName, System.StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Whether an enum member's name means the status passed.</summary>
        public bool MeansPassed(string memberName)
        {
            foreach (var failed in FailedValues)
            {
                if (RulesFile.DocIdPattern.Glob(failed, memberName, System.StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }
            }

            foreach (var passed in PassedValues)
            {
                if (RulesFile.DocIdPattern.Glob(passed, memberName, System.StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
