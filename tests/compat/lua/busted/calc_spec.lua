-- A busted spec written here: suites, hooks, spies, stubs, errors, pending and failures.
local function divide(a, b)
  if b == 0 then error("division by zero", 2) end
  return a / b
end

describe("calculator", function()
  local log
  before_each(function() log = {} end)
  after_each(function() log = nil end)

  it("adds integers and floats", function()
    assert.are.equal(4, 2 + 2)
    assert.are.same({1, 2, {3}}, {1, 2, {3}})
    assert.is_true(math.type(2 // 1) == "integer")
  end)

  it("divides and reports errors", function()
    assert.are.equal(2.5, divide(5, 2))
    assert.has_error(function() divide(1, 0) end, "division by zero")
    assert.error_matches(function() divide(1, 0) end, "by zero")
  end)

  describe("spies and stubs", function()
    it("records calls", function()
      local s = spy.new(function(x) return x * 2 end)
      s(3); s(4)
      assert.spy(s).was.called(2)
      assert.spy(s).was.called_with(4)
    end)
    it("stubs a table function", function()
      local t = {greet = function() return "hi" end}
      stub(t, "greet").returns("stubbed")
      assert.are.equal("stubbed", t.greet())
      t.greet:revert()
      assert.are.equal("hi", t.greet())
    end)
  end)

  pending("a feature not written yet")

  it("fails on a wrong value", function()
    assert.are.same({a = 1, b = {2}}, {a = 1, b = {3}})
  end)

  it("fails with a runtime error", function()
    local t = nil
    return t.field
  end)
end)
