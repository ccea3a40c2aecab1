-- goto without a visible label
-- expect error: syntax_goto_undefined.lua:4: no visible label 'nowhere' for <goto> at line 3
goto nowhere
