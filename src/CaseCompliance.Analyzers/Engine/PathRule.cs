using Microsoft.CodeAnalysis;
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
    /// One path rule: a small instance of a kind, made of roles. What covers a path: a call of role
    /// <see cref="Cover"/> (when it returns bool and <see cref="CheckedResult"/> is set, only a condition on its
    /// result that passes); a condition that reads a member of role <see cref="Status"/> as true; a comparison of a
    /// value of role <see cref="CompareWith"/> with another value that rejects on equality.
    /// </summary>
    internal sealed class PathRule
    {
        public PathRule(DiagnosticDescriptor descriptor, PathRuleKind kind, Role trigger, Role cover,
            bool checkedResult = false, Role status = Role.None, Role compareWith = Role.None, Role match = Role.None)
        {
            Descriptor = descriptor;
            Kind = kind;
            Trigger = trigger;
            Cover = cover;
            CheckedResult = checkedResult;
            Status = status;
            CompareWith = compareWith;
            Match = match;
        }

        public DiagnosticDescriptor Descriptor { get; }

        public PathRuleKind Kind { get; }

        /// <summary>The role of the call (or, for <see cref="PathRuleKind.GuardedBody"/>, of the method) that needs a cover.</summary>
        public Role Trigger { get; }

        /// <summary>Calls of this role (any of the flags) cover.</summary>
        public Role Cover { get; }

        /// <summary>A cover call that returns bool counts only through a condition on its result.</summary>
        public bool CheckedResult { get; }

        /// <summary>A condition that reads a member of this role as true covers the branch where it holds.</summary>
        public Role Status { get; }

        /// <summary>A comparison of a value of this role with another value, rejecting on equality, covers.</summary>
        public Role CompareWith { get; }

        /// <summary>A cover call only counts when its argument of this role is not provably another value than the trigger's.</summary>
        public Role Match { get; }

        /// <summary>Whether conditions can cover, so bodies need their conditions classified.</summary>
        public bool HasConditionChecks => CheckedResult || Status != Role.None || CompareWith != Role.None;
    }
}
