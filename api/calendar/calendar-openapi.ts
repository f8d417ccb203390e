import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { jsonBody, jsonResponse, problemResponses } from '../openapi/openapi-helpers.js';
import {
  calendarYearDetailSchema,
  calendarYearSummarySchema,
  deadlineSchema,
  dueDateQuerySchema,
  putCalendarYearResultSchema,
  putCalendarYearSchema,
  workingDayInfoSchema,
  workingDayQuerySchema,
  yearParamsSchema,
} from './calendar-schemas.js';

export function registerCalendarOpenApi(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'get',
    path: '/calendar/due-date',
    summary: 'The deadline N working days (个工作日) after a start; the start day is not counted',
    tags: ['calendar'],
    request: { query: dueDateQuerySchema },
    responses: { 200: jsonResponse('The deadline', deadlineSchema), ...problemResponses(400, 401) },
  });
  registry.registerPath({
    method: 'get',
    path: '/calendar/working-day',
    summary: 'Whether a date is a working day, a weekend, a public holiday or an adjusted working day (调休)',
    tags: ['calendar'],
    request: { query: workingDayQuerySchema },
    responses: { 200: jsonResponse('The day', workingDayInfoSchema), ...problemResponses(400, 401) },
  });
  registry.registerPath({
    method: 'get',
    path: '/calendar/years',
    summary: 'Years whose holiday arrangement is published, with their source',
    tags: ['calendar'],
    responses: {
      200: jsonResponse('The published years', z.object({ items: z.array(calendarYearSummarySchema) })),
      ...problemResponses(401),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/calendar/years/{year}',
    summary: 'One year’s holiday arrangement: its exceptions to Monday–Friday',
    tags: ['calendar'],
    request: { params: yearParamsSchema },
    responses: { 200: jsonResponse('The year', calendarYearDetailSchema), ...problemResponses(400, 401, 404) },
  });
  registry.registerPath({
    method: 'put',
    path: '/calendar/years/{year}',
    summary: 'Replace a year’s holiday arrangement; open cases with provisional deadlines are recomputed',
    description: 'Roles: ADMIN',
    tags: ['calendar'],
    request: { params: yearParamsSchema, body: jsonBody(putCalendarYearSchema) },
    responses: { 200: jsonResponse('The new calendar version', putCalendarYearResultSchema), ...problemResponses(400, 401, 403) },
  });
}
