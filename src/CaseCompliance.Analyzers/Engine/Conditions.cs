using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using CaseCompliance.Analyzers.Model;

namespace CaseCompliance.Analyzers.Engine
{
    /// <summary>The operations of a body as the compiler built them, by syntax: graph operations are rewritten copies.</summary>
    internal sealed class OriginalOperations
    {
        private readonly Dictionary<SyntaxNode, IOperation> bySyntax = new Dictionary<SyntaxNode, IOperation>();

        public OriginalOperations(IEnumerable<IOperation> roots)
        {
            foreach (var root in roots)
            {
                foreach (var operation in root.DescendantsAndSelf())
                {
                    if (!bySyntax.ContainsKey(operation.Syntax))
                    {
                        bySyntax.Add(operation.Syntax, operation); // the outermost operation of each node
                    }
                }
            }
        }

        public IOperation? Find(SyntaxNode syntax) => bySyntax.TryGetValue(syntax, out var operation) ? operation : null;

        /// <summary>The invocation of a syntax node (an expression-bodied lambda's statement shares the call's syntax).</summary>
        public IInvocationOperation? FindCall(SyntaxNode syntax)
        {
            if (Find(syntax) is not { } operation)
            {
                return null;
            }

            foreach (var candidate in operation.DescendantsAndSelf())
            {
                if (candidate is IInvocationOperation invocation && invocation.Syntax == syntax)
                {
                    return invocation;
                }
            }

            return null;
        }
    }

    /// <summary>
    /// Which conditions are checks for a path rule, and which of their values means the check passed: a call of
    /// the cover role whose bool result is tested; a member of the status role read as true (<c>p.IsAttested</c>,
    /// <c>p.Status == Attested</c>, <c>p.Status is Attested</c>); a comparison of a value of the compared role with
    /// another value (<c>==</c>, <c>!=</c>, <c>Equals</c>, <c>string.Equals</c>, <c>ReferenceEquals</c>) — it passes
    /// when they differ. Negation and locals assigned once from a check are followed.
    /// </summary>
    internal sealed class Conditions
    {
        private readonly CaseModel model;
        private readonly PathRule rule;
        private readonly OriginalOperations originals;
        private readonly ControlFlowGraph graph;
        private readonly IParameterSymbol? compared;
        private readonly System.Func<IInvocationOperation, bool?>? helperCheck;
        private readonly IReadOnlyList<IOperation>? subjects; // the values the guarded call is about: a status of another object says nothing
        private Dictionary<CaptureId, IOperation>? captures;

        // compared: when the body has a parameter the check is about (the [Attester]), a comparison must involve it.
        // helperCheck: for a call to a bool method of the compilation, the value of its result that means a check
        // passed inside it (a summary), or null when it is no check.
        public Conditions(CaseModel model, PathRule rule, OriginalOperations originals, ControlFlowGraph graph, IParameterSymbol? compared = null,
            System.Func<IInvocationOperation, bool?>? helperCheck = null, IReadOnlyList<IOperation>? subjects = null)
        {
            this.subjects = subjects;
            this.model = model;
            this.rule = rule;
            this.originals = originals;
            this.graph = graph;
            this.compared = compared;
            this.helperCheck = helperCheck;
        }

        /// <summary>
        /// The value of a bool expression that means a check passed, or null when it says nothing: what a method that
        /// returns it tells its caller. <c>a &amp;&amp; b</c> passes when true if either does; <c>a || b</c> when false if either does.
        /// </summary>
        public bool? ValueOutcome(IOperation value, int depth = 0)
        {
            // A graph's copy is found in the tree the compiler built; the body of an expression lambda shares its syntax.
            value = Calls.Unwrap(originals.Find(value.Syntax) is { } original and not (IBlockOperation or IExpressionStatementOperation) ? original : value);
            if (value is IReturnOperation { ReturnedValue: { } returned })
            {
                value = Calls.Unwrap(returned);
            }

            if (depth > 6)
            {
                return null;
            }

            switch (value)
            {
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } and:
                    return ValueOutcome(and.LeftOperand, depth + 1) == true || ValueOutcome(and.RightOperand, depth + 1) == true ? true : null;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } or:
                    return ValueOutcome(or.LeftOperand, depth + 1) == false || ValueOutcome(or.RightOperand, depth + 1) == false ? false : null;
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                    return Flip(ValueOutcome(not.Operand, depth + 1));
                default:
                    return Classify(value, depth);
            }
        }

        /// <summary>The value of the block's condition that means the check passed, or null when it is no check.</summary>
        public bool? PassingOutcome(BasicBlock block)
        {
            if (block.BranchValue is not { } value)
            {
                return null;
            }

            // A switch arm tests a captured value: `p.State switch { PaymentState.Attested => ... }`.
            if (value is IIsPatternOperation { Value: IFlowCaptureReferenceOperation capture } armTest
                && Captured(capture.Id) is { } captured && IsStatusRead(originals.Find(captured.Syntax) ?? captured))
            {
                return PatternOutcome(armTest.Pattern) is { } armOutcome && (armTest.Pattern is not IConstantPatternOperation constantArm || MeansPassed(constantArm.Value))
                    ? armOutcome
                    : null;
            }

            // A switch on an object or a tuple: `p switch { { IsAttested: true } => ... }`, `case (true, _):`.
            if (value is IIsPatternOperation { Value: IFlowCaptureReferenceOperation objectCapture } objectArm && Captured(objectCapture.Id) is { } input)
            {
                return ObjectPatternOutcome(originals.Find(input.Syntax) ?? input, objectArm.Pattern, 0);
            }

            // A switch statement's case label compares the captured value: `switch (p.State) { case Attested: ... }`.
            if (value is IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } caseTest
                && (caseTest.LeftOperand as IFlowCaptureReferenceOperation ?? caseTest.RightOperand as IFlowCaptureReferenceOperation) is { } caseCapture
                && Captured(caseCapture.Id) is { } switched && IsStatusRead(originals.Find(switched.Syntax) ?? switched))
            {
                var label = caseTest.LeftOperand is IFlowCaptureReferenceOperation ? caseTest.RightOperand : caseTest.LeftOperand;
                if (label.ConstantValue is { HasValue: true, Value: bool attested })
                {
                    return attested; // `case false:` is the branch where the status does not hold
                }

                return MeansPassed(label) ? true : null;
            }

            return Classify(originals.Find(value.Syntax) ?? value, 0);
        }

        private IOperation? Captured(CaptureId id)
        {
            if (captures is null)
            {
                captures = new Dictionary<CaptureId, IOperation>();
                foreach (var block in graph.Blocks)
                {
                    foreach (var operation in block.Operations)
                    {
                        if (operation is IFlowCaptureOperation flowCapture && !captures.ContainsKey(flowCapture.Id))
                        {
                            captures.Add(flowCapture.Id, flowCapture.Value);
                        }
                    }
                }
            }

            return captures.TryGetValue(id, out var value) ? value : null;
        }

        private bool? Classify(IOperation operation, int depth)
        {
            operation = Calls.Unwrap(operation);
            if (depth > 6)
            {
                return null;
            }

            switch (operation)
            {
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                    return Flip(Classify(not.Operand, depth + 1));
                case ILocalReferenceOperation local:
                    return ValueIdentity.CopySource(local) is { } source ? Classify(source, depth + 1) : null;
                case IInvocationOperation invocation:
                    if (IsCheckCall(invocation.TargetMethod))
                    {
                        // A check of another object (IsImpartial(colleague, c) before Decide(c, me)) checks nothing here.
                        return subjects is not null && GivenAnother(originals.FindCall(invocation.Syntax) ?? invocation, subjects)
                            ? null
                            : rule.PassesWhenTrue(invocation.TargetMethod.Name);
                    }

                    if (IsStatus(invocation.TargetMethod))
                    {
                        return true;
                    }

                    if (EqualityOperands(invocation) is { } pair && IsComparisonCheck(pair.Left, pair.Right))
                    {
                        return false;
                    }

                    return helperCheck?.Invoke(invocation);
                case IPropertyReferenceOperation or IFieldReferenceOperation when IsStatusRead(operation):
                    return true;
                case IBinaryOperation binary when binary.OperatorKind is BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals:
                    var equals = binary.OperatorKind == BinaryOperatorKind.Equals;
                    if (IsStatusRead(binary.LeftOperand) || IsStatusRead(binary.RightOperand))
                    {
                        // p.IsAttested == false and p.Status != Attested pass when false.
                        var other = IsStatusRead(binary.LeftOperand) ? binary.RightOperand : binary.LeftOperand;
                        if (!MeansPassed(other))
                        {
                            return null; // `State == Prepared` says nothing about an attestation
                        }

                        var negative = other.ConstantValue is { HasValue: true, Value: false };
                        return equals != negative;
                    }

                    return IsComparisonCheck(binary.LeftOperand, binary.RightOperand) ? !equals : null;
                case IIsPatternOperation pattern when IsStatusRead(pattern.Value):
                    return PatternOutcome(pattern.Pattern);
                case IIsPatternOperation pattern:
                    return ObjectPatternOutcome(pattern.Value, pattern.Pattern, depth + 1);
                default:
                    return null;
            }
        }

        private static bool? Flip(bool? value) => value is { } v ? !v : null;

        /// <summary>
        /// A pattern on an object or a tuple that holds a status: <c>p is { State: PaymentState.Attested }</c> passes
        /// when matched; <c>p is { IsAttested: false }</c> and <c>p is not { IsAttested: true }</c> fail when matched
        /// when the status is all they test; <c>(p.IsAttested, x) is (true, _)</c> passes when matched.
        /// </summary>
        private bool? ObjectPatternOutcome(IOperation input, IPatternOperation pattern, int depth)
        {
            if (depth > 6)
            {
                return null;
            }

            switch (pattern)
            {
                case INegatedPatternOperation negated:
                    return IsAlone(negated.Pattern) ? Flip(ObjectPatternOutcome(input, negated.Pattern, depth + 1)) : null;
                case IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.And } and:
                    return ObjectPatternOutcome(input, and.LeftPattern, depth + 1) == true || ObjectPatternOutcome(input, and.RightPattern, depth + 1) == true ? true : null;
                case IRecursivePatternOperation recursive:
                    foreach (var sub in recursive.PropertySubpatterns)
                    {
                        if (IsStatusRead(sub.Member))
                        {
                            var outcome = PatternOutcome(sub.Pattern) ?? ObjectPatternOutcome(sub.Member, sub.Pattern, depth + 1);
                            return outcome == true || IsAlone(recursive) ? outcome : null;
                        }
                    }

                    if (!recursive.DeconstructionSubpatterns.IsEmpty && Elements(input) is { } elements && elements.Count == recursive.DeconstructionSubpatterns.Length)
                    {
                        for (var i = 0; i < elements.Count; i++)
                        {
                            if (IsStatusRead(elements[i]))
                            {
                                var outcome = PatternOutcome(recursive.DeconstructionSubpatterns[i]);
                                var othersDiscarded = true;
                                for (var j = 0; j < elements.Count; j++)
                                {
                                    othersDiscarded &= j == i || recursive.DeconstructionSubpatterns[j] is IDiscardPatternOperation;
                                }

                                if (outcome == true || outcome == false && othersDiscarded)
                                {
                                    return outcome;
                                }
                            }
                        }
                    }

                    return null;
                default:
                    return null;
            }
        }

        /// <summary>A property pattern that tests one thing only, so its failure says the opposite of its match.</summary>
        private static bool IsAlone(IPatternOperation pattern) => pattern is IRecursivePatternOperation recursive
            && recursive.PropertySubpatterns.Length + recursive.DeconstructionSubpatterns.Length == 1;

        /// <summary>The elements of a tuple a switch tests, followed through the graph's captures.</summary>
        private List<IOperation>? Elements(IOperation input)
        {
            input = Calls.Unwrap(input);
            if (input is IFlowCaptureReferenceOperation capture && Captured(capture.Id) is { } captured)
            {
                input = Calls.Unwrap(originals.Find(captured.Syntax) ?? captured);
            }

            if (input is not ITupleOperation tuple)
            {
                return null;
            }

            var elements = new List<IOperation>();
            foreach (var element in tuple.Elements)
            {
                var e = Calls.Unwrap(element);
                if (e is IFlowCaptureReferenceOperation elementCapture && Captured(elementCapture.Id) is { } value)
                {
                    e = value;
                }

                elements.Add(originals.Find(e.Syntax) ?? e);
            }

            return elements;
        }

        /// <summary>
        /// Whether a value a status is compared with stands for "passed": <c>true</c>/<c>false</c>, or an enum member whose
        /// name the rule's <c>passedValues</c> match (and its <c>failedValues</c> do not). Other members say nothing.
        /// </summary>
        private bool MeansPassed(IOperation value)
        {
            value = Calls.Unwrap(value);
            if (value.ConstantValue is { HasValue: true, Value: bool })
            {
                return true;
            }

            return value is IFieldReferenceOperation { Field: { ContainingType.TypeKind: TypeKind.Enum } field } && rule.MeansPassed(field.Name);
        }

        /// <summary>A pattern on a status value: <c>true</c>/<c>Attested</c> passes when matched, <c>false</c>/<c>not ...</c> when not.</summary>
        private bool? PatternOutcome(IPatternOperation pattern) => pattern switch
        {
            INegatedPatternOperation negated => Flip(PatternOutcome(negated.Pattern)),
            // `is Attested or Approved` passes when matched if both do; `is not (Attested or Approved)` then fails.
            IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.Or } or
                => PatternOutcome(or.LeftPattern) == true && PatternOutcome(or.RightPattern) == true ? true : null,
            IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.And } and
                => PatternOutcome(and.LeftPattern) == true || PatternOutcome(and.RightPattern) == true ? true : null,
            IConstantPatternOperation { Value.ConstantValue: { HasValue: true, Value: false } } => false,
            IConstantPatternOperation constant when MeansPassed(constant.Value) => true,
            _ => null,
        };


        /// <summary>A cover call that returns bool: it checks, and its result says whether the check passed.</summary>
        private bool IsCheckCall(IMethodSymbol method) => model.HasRole(method, rule.Cover) && ReturnsBool(method);

        private bool IsStatus(IMethodSymbol method) => model.HasRole(method, rule.Status);

        private bool IsStatusRead(IOperation operation)
        {
            operation = Calls.Unwrap(operation);
            if (rule.Status.IsEmpty)
            {
                return false;
            }

            return operation switch
            {
                IPropertyReferenceOperation p => model.HasRole(p.Property, rule.Status) && AboutSubject(p.Instance),
                IFieldReferenceOperation f => model.HasRole(f.Field, rule.Status) && AboutSubject(f.Instance),
                IInvocationOperation i => model.HasRole(i.TargetMethod, rule.Status) && AboutSubject(i.Instance),
                ILocalReferenceOperation l => ValueIdentity.CopySource(l) is { } source && IsStatusRead(source),
                _ => false,
            };
        }

        /// <summary>
        /// Whether a status read on <paramref name="instance"/> can be about what the guarded call is given: not when its
        /// object is provably another variable than every argument (<c>if (other.IsAttested) Pay(p);</c>).
        /// </summary>
        private bool AboutSubject(IOperation? instance)
        {
            if (subjects is null || instance is null || Root(instance) is not { } root)
            {
                return true;
            }

            return !IsAnother(root, subjects);
        }

        /// <summary>
        /// Whether a cover or helper call is given another object than the guarded call (<c>RequireAttested(previous)</c>
        /// before <c>Disburse(p)</c>): one of its arguments, or its receiver, is provably another variable of the type
        /// of what the guarded call is given. Such a call guards that other object, not this one.
        /// </summary>
        internal static bool GivenAnother(IInvocationOperation call, IReadOnlyList<IOperation> subjects)
        {
            if (call.Instance is { } receiver && Root(receiver) is { } self && IsAnother(self, subjects))
            {
                return true;
            }

            foreach (var argument in call.Arguments)
            {
                if (Root(argument.Value) is { } root && IsAnother(root, subjects))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether <paramref name="root"/> is provably another object than what the guarded call is given: some
        /// value it is given has the same type, and every such value is provably another variable. Only another
        /// object of the same type is another payment; a review record about it may well carry its status.
        /// </summary>
        internal static bool IsAnother(IOperation root, IReadOnlyList<IOperation> subjects)
        {
            var sameType = false;
            foreach (var subject in subjects)
            {
                if (Root(subject) is not { } other || !SymbolEqualityComparer.Default.Equals(root.Type, other.Type))
                {
                    continue;
                }

                sameType = true;
                if (ValueIdentity.Compare(root, other) != Sameness.Different)
                {
                    return false;
                }
            }

            return sameType;
        }

        /// <summary>The variable a member chain starts from (<c>p</c> in <c>p.Details.IsAttested</c>); null for anything else.</summary>
        internal static IOperation? Root(IOperation operation)
        {
            operation = Calls.Unwrap(operation);
            while (operation is IMemberReferenceOperation { Instance: { } instance })
            {
                operation = Calls.Unwrap(instance);
            }

            return operation is ILocalReferenceOperation or IParameterReferenceOperation ? operation : null;
        }

        /// <summary>One side is a value of the compared role (a member or parameter, or a copy), the other any non-constant value.</summary>
        private bool IsComparisonCheck(IOperation left, IOperation right)
        {
            if (rule.CompareWith.IsEmpty)
            {
                return false;
            }

            return IsRoleValue(left, 0) && IsOtherSide(right) || IsRoleValue(right, 0) && IsOtherSide(left);
        }

        /// <summary>The value compared with the role value: the body's own parameter when it has one, else any non-constant.</summary>
        private bool IsOtherSide(IOperation operation)
        {
            if (IsConstant(operation) || IsRoleValue(operation, 0))
            {
                return false;
            }

            if (compared is null)
            {
                return true;
            }

            operation = Calls.Unwrap(operation);
            for (var depth = 0; depth < 4 && operation is ILocalReferenceOperation local && ValueIdentity.CopySource(local) is { } source; depth++)
            {
                operation = Calls.Unwrap(source);
            }

            return operation is IParameterReferenceOperation parameter && SymbolEqualityComparer.Default.Equals(parameter.Parameter, compared);
        }

        private bool IsRoleValue(IOperation operation, int depth)
        {
            operation = Calls.Unwrap(operation);
            return operation switch
            {
                IPropertyReferenceOperation p => model.HasRole(p.Property, rule.CompareWith),
                IFieldReferenceOperation f => model.HasRole(f.Field, rule.CompareWith),
                IParameterReferenceOperation p => model.HasRole(p.Parameter, rule.CompareWith),
                ILocalReferenceOperation l when depth < 4 => ValueIdentity.CopySource(l) is { } source && IsRoleValue(source, depth + 1),
                _ => false,
            };
        }

        private static bool IsConstant(IOperation operation)
        {
            operation = Calls.Unwrap(operation);
            return operation.ConstantValue.HasValue || operation is IDefaultValueOperation;
        }

        /// <summary>The two values an equality call compares: <c>a.Equals(b)</c>, <c>Equals(a, b)</c>, <c>string.Equals(a, b, c)</c>.</summary>
        private static (IOperation Left, IOperation Right)? EqualityOperands(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (method.Name != "Equals" && method.Name != "ReferenceEquals" || !ReturnsBool(method))
            {
                return null;
            }

            if (!method.IsStatic && invocation.Instance is { } instance && invocation.Arguments.Length >= 1)
            {
                return (instance, invocation.Arguments[0].Value);
            }

            if (method.IsStatic && invocation.Arguments.Length >= 2)
            {
                return (invocation.Arguments[0].Value, invocation.Arguments[1].Value);
            }

            return null;
        }

        internal static bool ReturnsBool(IMethodSymbol method) => method.ReturnType.SpecialType == SpecialType.System_Boolean
            || method.ReturnType is INamedTypeSymbol { Arity: 1 } task && task.Name is "Task" or "ValueTask"
                && task.TypeArguments[0].SpecialType == SpecialType.System_Boolean;
    }
}
