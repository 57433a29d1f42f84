using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using CaseCompliance.Analyzers.Model;

namespace CaseCompliance.Analyzers.Engine
{
    /// <summary>
    /// Where a value's personal data comes from, within one body: a personal-data read, directly or through locals
    /// (any write to a local that carries data taints it), string interpolation, concatenation, <c>string.Format</c>,
    /// <c>string.Concat</c>/<c>Join</c>, <c>StringBuilder</c> (an <c>Append</c> taints the builder), <c>ToString()</c>,
    /// string methods of a tainted string, conditionals and <c>??</c>. A redactor's result is clean. Fields and other
    /// methods are not followed.
    /// </summary>
    internal sealed class Taint
    {
        private readonly CaseModel model;
        private readonly Sinks sinks;
        private readonly IOperation body;
        private readonly System.Func<ISymbol, bool> isSource;
        private readonly Dictionary<ILocalSymbol, ISymbol?> locals = new Dictionary<ILocalSymbol, ISymbol?>(SymbolEqualityComparer.Default);

        public Taint(CaseModel model, Sinks sinks, IOperation body, System.Func<ISymbol, bool>? isSource = null)
        {
            this.model = model;
            this.sinks = sinks;
            this.body = body;
            this.isSource = isSource ?? (symbol => model.PersonalDataOf(symbol) is not null);
        }

        /// <summary>The personal-data member a value carries, or null when it carries none that can be seen.</summary>
        public ISymbol? Source(IOperation value) => Source(value, 0);

        /// <summary>The innermost part of <paramref name="value"/> that brings the data in (what a redactor should wrap).</summary>
        public IOperation? Carrier(IOperation value)
        {
            value = Calls.Unwrap(value);
            switch (value)
            {
                case IInterpolatedStringOperation interpolated:
                    foreach (var part in interpolated.Parts)
                    {
                        if (part is IInterpolationOperation interpolation && Source(interpolation.Expression) is not null)
                        {
                            return Carrier(interpolation.Expression);
                        }
                    }

                    return null;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary:
                    return Source(binary.LeftOperand) is not null ? Carrier(binary.LeftOperand) : Carrier(binary.RightOperand);
                default:
                    return Source(value) is not null ? value : null;
            }
        }

        private ISymbol? Source(IOperation value, int depth)
        {
            if (depth > 12)
            {
                return null;
            }

            value = Calls.Unwrap(value);
            switch (value)
            {
                case IPropertyReferenceOperation or IFieldReferenceOperation:
                    var member = DataReads.Member(value)!;
                    if (isSource(member))
                    {
                        return member;
                    }

                    // A string property of a tainted string carries it on; its Length does not.
                    return ((IMemberReferenceOperation)value).Instance is { Type.SpecialType: SpecialType.System_String } instance
                        && value.Type?.SpecialType == SpecialType.System_String ? Source(instance, depth + 1) : null;
                case IParameterReferenceOperation parameter:
                    return isSource(parameter.Parameter) ? parameter.Parameter : null;
                case ILocalReferenceOperation local:
                    return LocalSource(local.Local, depth);
                case IInvocationOperation invocation:
                    return InvocationSource(invocation, depth);
                case IInterpolatedStringOperation interpolated:
                    foreach (var part in interpolated.Parts)
                    {
                        if (part is IInterpolationOperation interpolation && Source(interpolation.Expression, depth + 1) is { } found)
                        {
                            return found;
                        }
                    }

                    return null;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary:
                    return Source(binary.LeftOperand, depth + 1) ?? Source(binary.RightOperand, depth + 1);
                case IConditionalOperation conditional:
                    return (conditional.WhenTrue is null ? null : Source(conditional.WhenTrue, depth + 1))
                        ?? (conditional.WhenFalse is null ? null : Source(conditional.WhenFalse, depth + 1));
                case ICoalesceOperation coalesce:
                    return Source(coalesce.Value, depth + 1) ?? Source(coalesce.WhenNull, depth + 1);
                case IObjectCreationOperation creation when IsStringBuilder(creation.Type):
                    return AnyArgument(creation.Arguments, depth);
                case IArrayCreationOperation { Initializer: { } initializer }:
                    foreach (var element in initializer.ElementValues)
                    {
                        if (Source(element, depth + 1) is { } found)
                        {
                            return found;
                        }
                    }

                    return null;
                default:
                    return null;
            }
        }

        private ISymbol? InvocationSource(IInvocationOperation invocation, int depth)
        {
            var method = invocation.TargetMethod;
            if (sinks.IsRedactor(method))
            {
                return null;
            }

            if (isSource(method))
            {
                return method;
            }

            // x.ToString(), a StringBuilder's Append/ToString, and string methods of a tainted string carry the data on.
            if (method.Name == "ToString" && invocation.Instance is { } instance
                || invocation.Instance is { } receiver && (receiver.Type?.SpecialType == SpecialType.System_String && CarriesText(method) || IsStringBuilder(receiver.Type)))
            {
                return Source(invocation.Instance!, depth + 1) ?? (IsStringBuilder(invocation.Instance!.Type) ? AnyArgument(invocation.Arguments, depth) : null);
            }

            // string.Format, string.Concat, string.Join and friends.
            if (method.IsStatic && method.ContainingType?.SpecialType == SpecialType.System_String)
            {
                return AnyArgument(invocation.Arguments, depth);
            }

            return null;
        }

        private ISymbol? AnyArgument(IEnumerable<IArgumentOperation> arguments, int depth)
        {
            foreach (var argument in arguments)
            {
                if (Source(argument.Value, depth + 1) is { } found)
                {
                    return found;
                }
            }

            return null;
        }

        /// <summary>A local carries data when any write to it does (flow-insensitive), or, for a StringBuilder, any Append does.</summary>
        private ISymbol? LocalSource(ILocalSymbol local, int depth)
        {
            if (locals.TryGetValue(local, out var known))
            {
                return known;
            }

            locals[local] = null; // a cycle through the same local adds nothing
            ISymbol? found = null;
            foreach (var operation in body.Descendants())
            {
                IOperation? written = operation switch
                {
                    IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local) => declarator.Initializer?.Value,
                    IAssignmentOperation { Target: ILocalReferenceOperation target } assignment when SymbolEqualityComparer.Default.Equals(target.Local, local) => assignment.Value,
                    IInvocationOperation { Instance: ILocalReferenceOperation builder } append when SymbolEqualityComparer.Default.Equals(builder.Local, local)
                        && IsStringBuilder(builder.Type) => append,
                    _ => null,
                };
                if (written is not null && (found = written is IInvocationOperation call && call.Instance is ILocalReferenceOperation
                        ? AnyArgument(call.Arguments, depth) : Source(written, depth + 1)) is not null)
                {
                    break;
                }
            }

            locals[local] = found;
            return found;
        }

        /// <summary>A string method whose result still holds the text (Trim, Substring, ToUpper...), not a number or a bool.</summary>
        private static bool CarriesText(IMethodSymbol method)
            => method.ReturnType.SpecialType is SpecialType.System_String or SpecialType.System_Char || method.ReturnType is IArrayTypeSymbol;

        private bool IsStringBuilder(ITypeSymbol? type) => model.Symbols.StringBuilder is { } builder && SymbolEqualityComparer.Default.Equals(type, builder);

    }
}
