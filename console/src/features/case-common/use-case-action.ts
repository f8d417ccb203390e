import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useState } from 'react';
import { problemText } from '../../api/problem-text';

/**
 * One action on a case through the API: success is announced and every query refreshed; a refusal is kept for an
 * alert that says the API's reason in Chinese (four-eyes, claimed by someone else, wrong state, …).
 */
export function useCaseAction() {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [refusal, setRefusal] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: async ({ call }: { call: () => Promise<unknown>; done: string }) => call(),
    onMutate: () => setRefusal(null),
    onSuccess: async (_data, { done }) => {
      message.success(done);
      await queryClient.invalidateQueries();
    },
    onError: (err) => setRefusal(problemText(err)),
  });
  return {
    run: (done: string, call: () => Promise<unknown>) => mutation.mutate({ call, done }),
    pending: mutation.isPending,
    refusal,
    clearRefusal: () => setRefusal(null),
  };
}
