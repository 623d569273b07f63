// `const { a, b: [c] } = v` becomes `({ a, b: [c] } = v)`: binding patterns rewritten as assignment patterns, so
// destructured names land in the persistent global scope like plain declarations do.
import ts from 'typescript';

export function toAssignmentPattern(f: ts.NodeFactory, pattern: ts.BindingName): ts.Expression {
  if (ts.isIdentifier(pattern)) return f.createIdentifier(pattern.text);
  if (ts.isObjectBindingPattern(pattern)) {
    return f.createObjectLiteralExpression(pattern.elements.map((el) => objectElement(f, el)));
  }
  return f.createArrayLiteralExpression(pattern.elements.map((el) => {
    if (ts.isOmittedExpression(el)) return f.createOmittedExpression();
    const target = toAssignmentPattern(f, el.name);
    if (el.dotDotDotToken) return f.createSpreadElement(target);
    return el.initializer ? f.createAssignment(target, el.initializer) : target;
  }));
}

function objectElement(f: ts.NodeFactory, el: ts.BindingElement): ts.ObjectLiteralElementLike {
  if (el.dotDotDotToken) return f.createSpreadAssignment(toAssignmentPattern(f, el.name));
  if (el.propertyName === undefined && ts.isIdentifier(el.name)) {
    return f.createShorthandPropertyAssignment(f.createIdentifier(el.name.text), el.initializer);
  }
  const key = el.propertyName ?? (el.name as ts.Identifier);
  const target = toAssignmentPattern(f, el.name);
  return f.createPropertyAssignment(key as ts.PropertyName, el.initializer ? f.createAssignment(target, el.initializer) : target);
}
